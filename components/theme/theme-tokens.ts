// The colours of the two themes, in one place: the provider turns them into CSS variables (--cc-*
// for our own styles, --d2h-* for diff2html's stylesheet) and into antd token overrides, and
// theme-contrast.test.tsx checks the pairs people read (WCAG AA) against the same values.

/** The two themes a page can be in. */
export type ThemeName = 'light' | 'dark';

export type ThemeColors = {
  background: string;
  /** Raised boxes over the page (suggestion lists, popups): antd's elevated background. */
  surface: string;
  text: string;
  /** Secondary text (antd's description / tertiary colour): times, captions, hints. */
  mutedText: string;
  link: string;
  border: string;
  /** Warnings written as text (cut notes, sandbox notes). */
  warningText: string;
  /** The context meter's text at each level (ok, warning at 30 % left, critical at 15 %). */
  meter: { ok: string; warning: string; critical: string };
  /** The band behind your own messages. */
  ownMessageBackground: string;
  terminalBackground: string;
  terminalText: string;
  terminalCutMarker: string;
  /** Code blocks, and the command / text boxes of cards. */
  codeBackground: string;
  codeText: string;
  /** highlight.js token colours (rehype-highlight's `hljs-*` classes) on `codeBackground`. */
  highlight: { keyword: string; string: string; comment: string; number: string; title: string; meta: string };
  diffBackground: string;
  diffText: string;
  diffLineNumber: string;
  diffAddedBackground: string;
  diffRemovedBackground: string;
  diffAddedText: string;
  diffRemovedText: string;
  diffChangedText: string;
};

// The terminal stays dark in the light theme too: ANSI palettes (anser's colours) are made for a
// dark background, and a light terminal would make yellow and green output unreadable.
export const THEME_COLORS: Record<ThemeName, ThemeColors> = {
  light: {
    background: '#ffffff',
    surface: '#ffffff',
    text: 'rgba(0,0,0,0.88)',
    mutedText: 'rgba(0,0,0,0.6)',
    link: '#0958d9',
    border: '#e5e5e5',
    warningText: '#ad5700',
    meter: { ok: '#237804', warning: '#ad4e00', critical: '#cf1322' },
    ownMessageBackground: 'rgba(0,0,0,0.03)',
    terminalBackground: '#1e1e1e',
    terminalText: '#dddddd',
    terminalCutMarker: '#e3b341',
    codeBackground: '#f6f8fa',
    codeText: '#1f2328',
    highlight: { keyword: '#cf222e', string: '#0a3069', comment: '#59636e', number: '#0550ae', title: '#6639ba', meta: '#953800' },
    diffBackground: '#ffffff',
    diffText: 'rgba(0,0,0,0.88)',
    diffLineNumber: 'rgba(0,0,0,0.55)',
    diffAddedBackground: '#dafbe1',
    diffRemovedBackground: '#ffebe9',
    diffAddedText: '#1a7f37',
    diffRemovedText: '#cf222e',
    diffChangedText: '#9a6700',
  },
  dark: {
    background: '#141414',
    surface: '#1f1f1f',
    text: 'rgba(255,255,255,0.85)',
    mutedText: 'rgba(255,255,255,0.6)',
    link: '#69b1ff',
    border: '#303030',
    warningText: '#e8b339',
    meter: { ok: '#49aa19', warning: '#d89614', critical: '#ff7875' },
    ownMessageBackground: 'rgba(255,255,255,0.04)',
    terminalBackground: '#0d1117',
    terminalText: '#e6edf3',
    terminalCutMarker: '#e3b341',
    codeBackground: '#1d2127',
    codeText: '#e6edf3',
    highlight: { keyword: '#ff7b72', string: '#a5d6ff', comment: '#9198a1', number: '#79c0ff', title: '#d2a8ff', meta: '#ffa657' },
    diffBackground: '#0d1117',
    diffText: '#e6edf3',
    diffLineNumber: '#9198a1',
    diffAddedBackground: 'rgba(46,160,67,0.15)',
    diffRemovedBackground: 'rgba(248,81,73,0.1)',
    diffAddedText: '#3fb950',
    diffRemovedText: '#f85149',
    diffChangedText: '#d29922',
  },
};

/** antd tokens set on top of its algorithm, where antd's own values miss AA (links, descriptions). */
export function antdTokenOverrides(name: ThemeName) {
  const colors = THEME_COLORS[name];
  return { colorLink: colors.link, colorTextTertiary: colors.mutedText, colorTextDescription: colors.mutedText, colorBgLayout: colors.background };
}

/** The CSS custom properties of a theme: ours, and diff2html's for the scheme it renders in. */
export function themeCssVariables(name: ThemeName): Record<string, string> {
  const colors = THEME_COLORS[name];
  // diff2html's light scheme reads --d2h-*, its dark scheme --d2h-dark-* (DiffHtml picks the scheme).
  const d2h = name === 'dark' ? '--d2h-dark-' : '--d2h-';
  return {
    '--cc-background': colors.background,
    '--cc-surface': colors.surface,
    '--cc-text': colors.text,
    '--cc-muted-text': colors.mutedText,
    '--cc-link': colors.link,
    '--cc-border': colors.border,
    '--cc-warning-text': colors.warningText,
    '--cc-own-message-background': colors.ownMessageBackground,
    '--cc-terminal-background': colors.terminalBackground,
    '--cc-terminal-text': colors.terminalText,
    '--cc-terminal-cut-marker': colors.terminalCutMarker,
    '--cc-code-background': colors.codeBackground,
    '--cc-code-text': colors.codeText,
    '--cc-diff-added-text': colors.diffAddedText,
    '--cc-diff-removed-text': colors.diffRemovedText,
    ...Object.fromEntries(Object.entries(colors.meter).map(([level, value]) => [`--cc-meter-${level}`, value])),
    ...Object.fromEntries(Object.entries(colors.highlight).map(([token, value]) => [`--cc-hl-${token}`, value])),
    [`${d2h}bg-color`]: colors.diffBackground,
    [`${d2h}color`]: colors.diffText,
    [`${d2h}dim-color`]: colors.diffLineNumber,
    [`${d2h}ins-bg-color`]: colors.diffAddedBackground,
    [`${d2h}del-bg-color`]: colors.diffRemovedBackground,
    [`${d2h}ins-label-color`]: colors.diffAddedText,
    [`${d2h}del-label-color`]: colors.diffRemovedText,
    [`${d2h}change-label-color`]: colors.diffChangedText,
  };
}
