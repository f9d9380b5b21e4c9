import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';

const PRINT_SCRIPT = fileURLToPath(new URL('./print-antd-styles.tsx', import.meta.url));
const TSX_CLI = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** The antd component folders (`antd/es/date-picker/…` → `date-picker`) among the bundle's modules. */
function antdComponentFolders(moduleIds: Iterable<string>): string[] {
  const folders = new Set<string>();
  for (const id of moduleIds) {
    const match = /[\\/]node_modules[\\/]antd[\\/](?:es|lib)[\\/]([a-z][a-z-]*)[\\/]/.exec(id);
    if (match) folders.add(match[1]);
  }
  return [...folders].sort();
}

/** Runs print-antd-styles.tsx (a React server render of antd) in a child process; its CSS. */
function extractInChild(folders: string[], root: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // NODE_ENV=production: antd prefixes its hash with `css-dev-only-do-not-override-` otherwise.
    const child = spawn(process.execPath, [TSX_CLI, PRINT_SCRIPT, ...folders], { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`the antd style extraction exited with ${code}`))));
  });
}

/**
 * Build only: writes the CSS of the antd components in the bundle, for both themes, with antd's
 * cache-path map (extract-antd-styles.tsx) to `assets/antd-<hash>.css`, and links it first in
 * index.html's head (before the app's CSS, where antd's runtime `<style>` tags go), so antd's
 * CSS-in-JS finds its styles already loaded and skips generating them on the first render.
 */
export function antdStaticStyles(): Plugin {
  let config: ResolvedConfig;
  const rendered = new Set<string>();
  let fileName = '';
  return {
    name: 'codex-chat:antd-static-styles',
    apply: 'build',
    // 'pre': this generateBundle runs before vite's HTML plugin calls transformIndexHtml.
    enforce: 'pre',
    configResolved(resolved) {
      config = resolved;
    },
    // The modules left after tree-shaking (antd's index imports every component).
    renderChunk(_code, chunk) {
      for (const [id, module] of Object.entries(chunk.modules)) if (module.renderedLength > 0) rendered.add(id);
      return null;
    },
    async generateBundle() {
      let css: string;
      try {
        css = await extractInChild(antdComponentFolders(rendered), config.root);
      } catch (error) {
        // The app still works without the file (antd generates its styles at runtime, as in dev).
        this.warn(`antd's styles were not extracted (${(error as Error).message}); the page generates them at runtime`);
        return;
      }
      fileName = `${config.build.assetsDir}/antd-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    transformIndexHtml() {
      return fileName ? [{ tag: 'link', attrs: { rel: 'stylesheet', href: `${config.base}${fileName}` }, injectTo: 'head-prepend' }] : [];
    },
  };
}
