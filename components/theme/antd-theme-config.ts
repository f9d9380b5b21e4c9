import { theme as antdTheme } from 'antd';
import type { ThemeConfig } from 'antd';
import { antdTokenOverrides } from './theme-tokens.js';
import type { ThemeName } from './theme-tokens.js';

/**
 * The antd `ConfigProvider` theme of a theme name. One builder for the provider and for the build
 * step that extracts antd's styles (src/app/antd-styles): both must produce the same token hash.
 */
export function antdThemeConfig(name: ThemeName): ThemeConfig {
  return { algorithm: name === 'dark' ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm, token: antdTokenOverrides(name) };
}
