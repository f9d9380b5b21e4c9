// The theme switch's choice, remembered per browser. Storage that throws (blocked cookies) or holds
// junk reads as 'system'.
const STORAGE_KEY = 'codex-chat:theme';

/** What the user picked: follow the system's colour scheme, or a fixed theme. */
export type ThemePreference = 'system' | 'light' | 'dark';

export function isThemePreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

export function readThemePreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isThemePreference(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

export function writeThemePreference(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Not remembered: the choice still holds for this page.
  }
}

/** The media query of a system in dark mode. */
export const PREFERS_DARK = '(prefers-color-scheme: dark)';
