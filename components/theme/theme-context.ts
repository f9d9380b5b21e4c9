import { createContext, useContext } from 'react';
import type { ThemePreference } from './theme-preference.js';
import type { ThemeName } from './theme-tokens.js';

/** The theme in effect and the switch's choice. */
export type CodexTheme = {
  /** The theme painted: the choice, or the system's scheme when the choice is 'system'. */
  theme: ThemeName;
  preference: ThemePreference;
  setPreference: (preference: ThemePreference) => void;
};

// Without a CodexThemeProvider everything is light and the switch has nothing to switch.
const LIGHT: CodexTheme = { theme: 'light', preference: 'light', setPreference: () => {} };

export const CodexThemeContext = createContext<CodexTheme>(LIGHT);

/** The nearest CodexThemeProvider's theme (light when there is none). */
export function useCodexTheme(): CodexTheme {
  return useContext(CodexThemeContext);
}
