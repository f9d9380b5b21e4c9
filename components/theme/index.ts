export { CodexThemeProvider } from './CodexThemeProvider.js';
export type { CodexThemeProviderProps } from './CodexThemeProvider.js';
export { ThemeSwitch } from './ThemeSwitch.js';
export { useCodexTheme } from './theme-context.js';
export type { CodexTheme } from './theme-context.js';
export type { ThemePreference } from './theme-preference.js';
export { THEME_COLORS, antdTokenOverrides, themeCssVariables } from './theme-tokens.js';
export type { ThemeColors, ThemeName } from './theme-tokens.js';
export { AA_TEXT_RATIO, contrastRatio } from './contrast-ratio.js';
