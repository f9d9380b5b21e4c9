// WCAG AA (4.5:1 for text) for the pairs people read, in both themes: antd's own tokens as the
// theme configures them, and the colours of our CSS (terminal, code, diffs). Plus the helper itself.
import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { AA_TEXT_RATIO, contrastRatio, parseColor } from './contrast-ratio.js';
import { THEME_COLORS, antdTokenOverrides, type ThemeName } from './theme-tokens.js';

describe('contrastRatio', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // Symmetric: which one is the text does not matter for opaque colours.
    expect(contrastRatio('#1677ff', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#1677ff'), 10);
  });

  it('flattens translucent text and background layers over the opaque base', () => {
    // 45 % black on white paints #8c8c8c.
    expect(contrastRatio('rgba(0,0,0,0.45)', '#ffffff')).toBeCloseTo(contrastRatio('#8c8c8c', '#ffffff'), 1);
    // A half-black band over white is the grey #808080 under the text.
    expect(contrastRatio('#000', 'rgba(0,0,0,0.5)', '#ffffff')).toBeCloseTo(contrastRatio('#000', '#808080'), 1);
    expect(parseColor('#11223380')).toEqual({ r: 0x11, g: 0x22, b: 0x33, a: 0x80 / 255 });
  });

  it('refuses colours it cannot read and a translucent base', () => {
    expect(() => contrastRatio('red', '#fff')).toThrow(/not a colour/);
    expect(() => contrastRatio('#000', 'rgba(0,0,0,0.5)')).toThrow(/opaque/);
    expect(() => contrastRatio('#000')).toThrow(/background/);
  });
});

const ALGORITHMS = { light: theme.defaultAlgorithm, dark: theme.darkAlgorithm } as const;

/** Every text/background pair of a theme that must reach AA, named for the failure message. */
function keyPairs(name: ThemeName): Array<[string, string, ...string[]]> {
  const colors = THEME_COLORS[name];
  // What antd really renders with the provider's algorithm and overrides.
  const antd = theme.getDesignToken({ algorithm: ALGORITHMS[name], token: antdTokenOverrides(name) });
  const pairs: Array<[string, string, ...string[]]> = [
    ['antd text on container', antd.colorText, antd.colorBgContainer],
    ['antd secondary text on container', antd.colorTextSecondary, antd.colorBgContainer],
    ['antd muted (description) text on container', antd.colorTextDescription, antd.colorBgContainer],
    ['antd muted text on elevated (modal, drawer)', antd.colorTextDescription, antd.colorBgElevated],
    ['antd link on container', antd.colorLink, antd.colorBgContainer],
    ['text on background', colors.text, colors.background],
    ['muted text on background', colors.mutedText, colors.background],
    ['text on a raised surface (suggestion list)', colors.text, colors.surface],
    ['muted text on a raised surface', colors.mutedText, colors.surface],
    ['muted text on your own message band', colors.mutedText, colors.ownMessageBackground, colors.background],
    ['link on background', colors.link, colors.background],
    ['warning text on background', colors.warningText, colors.background],
    ['terminal text on terminal background', colors.terminalText, colors.terminalBackground],
    ['terminal cut marker on terminal background', colors.terminalCutMarker, colors.terminalBackground],
    ['code text on code background', colors.codeText, colors.codeBackground],
    ['diff text on diff background', colors.diffText, colors.diffBackground],
    ['diff text on an added line', colors.diffText, colors.diffAddedBackground, colors.diffBackground],
    ['diff text on a removed line', colors.diffText, colors.diffRemovedBackground, colors.diffBackground],
    ['diff line numbers on an added line', colors.diffLineNumber, colors.diffAddedBackground, colors.diffBackground],
    ['diff line numbers on a removed line', colors.diffLineNumber, colors.diffRemovedBackground, colors.diffBackground],
    ['diff added count on diff background', colors.diffAddedText, colors.diffBackground],
    ['diff removed count on diff background', colors.diffRemovedText, colors.diffBackground],
    ['diff changed tag on diff background', colors.diffChangedText, colors.diffBackground],
    ['diff added count on the page', colors.diffAddedText, colors.background],
    ['diff removed count on the page', colors.diffRemovedText, colors.background],
  ];
  for (const [level, value] of Object.entries(colors.meter)) pairs.push([`context meter (${level}) on background`, value, colors.background]);
  for (const [token, value] of Object.entries(colors.highlight)) pairs.push([`code ${token} on code background`, value, colors.codeBackground]);
  return pairs;
}

describe.each(['light', 'dark'] as const)('the %s theme', (name) => {
  it.each(keyPairs(name))('%s reaches 4.5:1', (_label, foreground, ...backgrounds) => {
    expect(contrastRatio(foreground, ...backgrounds)).toBeGreaterThanOrEqual(AA_TEXT_RATIO);
  });

  it('has a dark page in the dark theme and a light one in the light theme', () => {
    const luminanceOfPage = contrastRatio('#000000', THEME_COLORS[name].background);
    expect(luminanceOfPage > 10).toBe(name === 'light');
  });
});
