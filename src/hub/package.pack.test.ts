// The package as a host gets it: `npm run build`, `npm pack`, install the tarball into a fresh host
// project with only the peer dependencies, build a host page that renders <CodexThread> on the
// host's own MemorySyncDB and open it in Chromium; then run the installed `codex-chat` command.
// Slow (one build, one install): everything happens once in beforeAll.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { connectClient } from './hub-test-helpers.js';
import { fetchWithToken } from './testing/fetch-with-token.js';
import { CHAT_PATH, createThread, sendText, watchTurn } from './turns/testing/turn-test-helpers.js';
import { installHost, packProject, PROJECT_ROOT, serveFolder, sh, startPrintedHub, type Packed } from './testing/pack-host.js';

const MINUTES = 60_000;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const THREAD_DATE = '2026-01-02T03:04:05.000Z';
const TOKEN = 'pack-test-token-0123456789';

// The README's embedding example, in plain JS so the host needs no JSX plugin.
const HOST_MAIN = `
import 'codex-chat/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { CodexThread, MemorySyncDB, createCodexRuntime } from 'codex-chat';

const date = '${THREAD_DATE}';
const syncdb = new MemorySyncDB([
  { event: 'chat', date, sender_id: 'host-user', history: [{ author_id: 'host-user', content: 'hello from the host', date }] },
]);
const runtime = createCodexRuntime({ syncdb, accountId: 'host-user' });
createRoot(document.getElementById('root')).render(
  createElement(CodexThread, { runtime, path: 'host/notes.chat', threadKey: String(Date.parse(date)) }),
);
`;
const HOST_HTML = '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>';

let base: string;
let host: string;
let packed: Packed;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'codex-chat-pack-'));
  host = path.join(base, 'host');
  await mkdir(host);
  const buildStarted = performance.now();
  await sh('npm', ['run', 'build'], PROJECT_ROOT);
  console.log(`[pack] npm run build: ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`);
  packed = await packProject(base);
  console.log(`[pack] tarball ${(packed.size / 1024).toFixed(0)} kB (unpacked ${(packed.unpackedSize / 1024).toFixed(0)} kB), ${packed.files.length} files`);
  const installStarted = performance.now();
  await installHost(host, packed.tarball);
  console.log(`[pack] host install (tarball + peers): ${((performance.now() - installStarted) / 1000).toFixed(1)} s`);
}, 15 * MINUTES);

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds only what runs: the builds, the command, LICENSE and README', () => {
    const tops = new Set(packed.files.map((file) => file.split('/').slice(0, file.startsWith('dist/') ? 2 : 1).join('/')));
    expect([...tops].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist/app', 'dist/hub', 'dist/lib', 'dist/types', 'package.json']);
    for (const file of ['dist/lib/index.js', 'dist/lib/style.css', 'dist/types/src/index.d.ts', 'dist/types/src/hub/index.d.ts', 'dist/hub/cli.js', 'dist/hub/index.js', 'dist/hub/demo-agent.js', 'dist/app/index.html']) {
      expect(packed.files).toContain(file);
    }
    expect(packed.files.filter((file) => /\.test\.|\.stories\.|\/testing\//.test(file))).toEqual([]);
  });

  it('installs without Codex: codex-acp is not a dependency of a host', async () => {
    await expect(stat(path.join(host, 'node_modules/@agentclientprotocol/codex-acp'))).rejects.toThrow();
    await expect(stat(path.join(host, 'node_modules/tsx'))).rejects.toThrow();
  });

  it('a host app built with vite renders <CodexThread> on its own MemorySyncDB', async () => {
    const app = path.join(host, 'app');
    await mkdir(app);
    await writeFile(path.join(app, 'main.js'), HOST_MAIN);
    await writeFile(path.join(app, 'index.html'), HOST_HTML);
    // The host's own bundler; the repo's vite stands in for the host's devDependency.
    await sh(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', 'dist', '--emptyOutDir'], app);
    const { url, server } = await serveFolder(path.join(app, 'dist'));
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await page.getByText('hello from the host').first().waitFor({ timeout: 30_000 });
      await page.getByRole('combobox', { name: 'Message' }).waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      server.close();
    }
  }, 5 * MINUTES);

  it('npx codex-chat --version, and the hub from the installed tarball serves the app and runs a demo turn; start-up vs tsx from sources', async () => {
    const { version } = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await sh('npx', ['--offline', 'codex-chat', '--version'], host)).trim()).toBe(version);

    const workspace = path.join(base, 'workspace');
    await mkdir(workspace);
    const hubArgs = (state: string) => ['--no-open', '--root', workspace, '--state-dir', path.join(base, state)];
    const installed = await startPrintedHub(path.join(host, 'node_modules/.bin/codex-chat'), hubArgs('state-installed'), host, { CODEX_CHAT_TOKEN: TOKEN });
    try {
      expect(installed.url).toContain(`?token=${TOKEN}`);
      expect((await fetchWithToken(installed.url, '/healthz')).status).toBe(200);
      const page = await fetchWithToken(installed.url, '/');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<script type="module"');
      expect(html).not.toContain('not built yet');
      // The compiled hub runs the compiled demo agent (the host has no tsx): a turn completes.
      const port = Number(new URL(installed.url).port);
      const client = connectClient({ port, token: TOKEN });
      try {
        await client.call('chat.create', { path: CHAT_PATH });
        await client.call('chat.open', { path: CHAT_PATH });
        const threadKey = await createThread(client, { agent: 'demo' });
        const { turnId } = await sendText(client, threadKey, 'quick hello from the package test');
        expect(await watchTurn(client, turnId).done()).toBe('completed');
      } finally {
        client.close();
      }
    } finally {
      installed.child.kill('SIGTERM');
    }
    // Today's start from sources, side by side: the same hub through tsx.
    const fromSources = await startPrintedHub(
      process.execPath,
      ['--input-type=module', '-e', "const { register } = await import('tsx/esm/api'); register(); const { main } = await import('./src/hub/cli.ts'); await main(process.argv.slice(1));", '--', ...hubArgs('state-sources'), '--no-build'],
      PROJECT_ROOT,
      {},
    );
    fromSources.child.kill('SIGTERM');
    console.log(`[pack] hub start-up to its URL: compiled ${installed.startMs.toFixed(0)} ms, tsx from sources ${fromSources.startMs.toFixed(0)} ms (${(fromSources.startMs / installed.startMs).toFixed(1)}x)`);
  }, 5 * MINUTES);
});
