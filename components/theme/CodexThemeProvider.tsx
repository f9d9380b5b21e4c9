import { ConfigProvider } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { useMediaQuery } from '../layout/useMediaQuery.js';
import { CodexThemeContext } from './theme-context.js';
import type { CodexTheme } from './theme-context.js';
import { PREFERS_DARK, readThemePreference, writeThemePreference } from './theme-preference.js';
import type { ThemePreference } from './theme-preference.js';
import { antdThemeConfig } from './antd-theme-config.js';
import { THEME_COLORS, themeCssVariables } from './theme-tokens.js';
import type { ThemeName } from './theme-tokens.js';
import { useDocumentTheme } from './useDocumentTheme.js';

export type CodexThemeProviderProps = {
  children: ReactNode;
  /** A host-held choice; without it the provider keeps its own, remembered in localStorage. */
  preference?: ThemePreference;
  onPreferenceChange?: (preference: ThemePreference) => void;
  /**
   * Also paint the page (`<html>`): background, `color-scheme` and the theme's variables, which
   * antd's portals (drawers, modals, menus render under `<body>`, outside this tree) need too.
   * The lite app turns it on; a host that themes its own page leaves it off.
   */
  applyToDocument?: boolean;
  className?: string;
  style?: CSSProperties;
};

/**
 * Light or dark for the plugin: antd's algorithm (with the AA fixes of `antdTokenOverrides`) and
 * the --cc-* / --d2h-* variables the terminal, code blocks and diffs read; 'system' follows
 * `prefers-color-scheme`. `useCodexTheme()` reads it, `<ThemeSwitch>` changes it.
 */
export function CodexThemeProvider({ children, preference: hostPreference, onPreferenceChange, applyToDocument = false, className, style }: CodexThemeProviderProps) {
  const [ownPreference, setOwnPreference] = useState<ThemePreference>(readThemePreference);
  const systemDark = useMediaQuery(PREFERS_DARK);
  const preference = hostPreference ?? ownPreference;
  const theme: ThemeName = preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;

  const value = useMemo<CodexTheme>(
    () => ({
      theme,
      preference,
      setPreference: (next) => {
        if (hostPreference === undefined) {
          writeThemePreference(next);
          setOwnPreference(next);
        }
        onPreferenceChange?.(next);
      },
    }),
    [theme, preference, hostPreference, onPreferenceChange],
  );
  const antdConfig = useMemo(() => antdThemeConfig(theme), [theme]);
  const rootStyle = useMemo(
    () => ({ ...themeCssVariables(theme), background: THEME_COLORS[theme].background, color: THEME_COLORS[theme].text, colorScheme: theme, ...style }) as CSSProperties,
    [theme, style],
  );
  useDocumentTheme(applyToDocument ? theme : null);
  // The remembered choice of another tab of this browser is taken over when it changes there.
  useEffect(() => {
    if (hostPreference !== undefined) return;
    const onStorage = () => setOwnPreference(readThemePreference());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [hostPreference]);

  return (
    <CodexThemeContext.Provider value={value}>
      <ConfigProvider theme={antdConfig}>
        <div className={`cc-theme cc-theme-${theme}${className ? ` ${className}` : ''}`} data-theme={theme} style={rootStyle}>
          {children}
        </div>
      </ConfigProvider>
    </CodexThemeContext.Provider>
  );
}
