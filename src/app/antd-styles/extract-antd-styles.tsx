import { StyleProvider, createCache, extractStyle } from '@ant-design/cssinjs';
import { App as AntApp, ConfigProvider } from 'antd';
import { renderToString } from 'react-dom/server';
// A build step, not the app: it needs the provider's own theme config, and the app's public entry
// (../../index.js) cannot load in Node (it imports CSS files), so it reads components/theme directly.
// eslint-disable-next-line no-restricted-imports
import { antdThemeConfig, type ThemeName } from '../../../components/theme/index.js';
import { antdComponentSamples } from './antd-component-samples.js';

const THEMES: ThemeName[] = ['light', 'dark'];

/**
 * The CSS of every antd component in both themes of `components/theme`, plus antd's cache-path map
 * (`.data-ant-cssinjs-cache-path{content:"…"}`). Loaded from a stylesheet before the app renders,
 * the map makes @ant-design/cssinjs skip generating and injecting each style it lists; a style not
 * in it (another theme, a component token override) is still generated at runtime.
 * `only` limits it to those antd exports (empty: all); `failed` names the samples that threw while
 * rendering (their styles fall back to runtime).
 */
export function extractAntdStyles(only: string[] = []): { css: string; failed: string[] } {
  const cache = createCache();
  const failed: string[] = [];
  for (const theme of THEMES) {
    for (const [name, sample] of antdComponentSamples(only)) {
      try {
        // The same providers as the app: CodexThemeProvider's ConfigProvider, then antd's App.
        renderToString(
          <StyleProvider cache={cache}>
            <ConfigProvider theme={antdThemeConfig(theme)}>
              <AntApp>{sample}</AntApp>
            </ConfigProvider>
          </StyleProvider>,
        );
      } catch {
        failed.push(`${name} (${theme})`);
      }
    }
  }
  // Component styles only: the token CSS variables are injected at runtime whatever the map says.
  return { css: extractStyle(cache, { plain: true, types: ['style'] }), failed };
}
