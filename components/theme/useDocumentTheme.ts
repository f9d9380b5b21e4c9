import { useEffect } from 'react';
import { THEME_COLORS, themeCssVariables } from './theme-tokens.js';
import type { ThemeName } from './theme-tokens.js';

/** Puts a theme on `<html>` (class, variables, colour scheme, page colours) while set; null: leave the page alone. */
export function useDocumentTheme(theme: ThemeName | null): void {
  useEffect(() => {
    if (!theme) return;
    const root = document.documentElement;
    const variables = themeCssVariables(theme);
    const className = `cc-theme-${theme}`;
    root.classList.add(className);
    for (const [name, value] of Object.entries(variables)) root.style.setProperty(name, value);
    root.style.setProperty('color-scheme', theme);
    root.style.setProperty('background', THEME_COLORS[theme].background);
    root.style.setProperty('color', THEME_COLORS[theme].text);
    return () => {
      root.classList.remove(className);
      for (const name of [...Object.keys(variables), 'color-scheme', 'background', 'color']) root.style.removeProperty(name);
    };
  }, [theme]);
}
