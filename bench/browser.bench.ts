// Browser measurements in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium):
// - a 1,000-message thread: time to open and DOM nodes, virtualized (what the app renders) side by
//   side with every row rendered (the baseline), both from the Storybook build of
//   fixtures/room/LongThread.stories.tsx, so only virtualization differs.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STORYBOOK_DIR = path.join(REPO_ROOT, 'fixtures/storybook-static');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const THREAD_MESSAGES = 1_000;
const OPEN_RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function buildStorybook(): void {
  const storybook = path.join(REPO_ROOT, 'node_modules/storybook/dist/bin/dispatcher.js');
  const result = spawnSync(process.execPath, [storybook, 'build', '-c', 'fixtures/.storybook', '-o', 'fixtures/storybook-static', '--disable-telemetry', '--quiet'], {
    cwd: REPO_ROOT,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`[bench] storybook build failed (${result.status})`);
}

/** Serves a folder on 127.0.0.1 (the static Storybook). */
async function serveFolder(folder: string): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(folder, path.normalize(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Opens the long-thread story and waits until its rows are on screen; ms from first render, DOM nodes. */
async function openLongThread(page: Page, origin: string, virtualized: boolean): Promise<{ ms: number; nodes: number; rows: number }> {
  const story = virtualized ? 'room-long-thread--virtualized' : 'room-long-thread--unvirtualized';
  await page.goto(`${origin}/iframe.html?id=${story}&viewMode=story&args=count:${THREAD_MESSAGES};virtualized:${virtualized ? '!true' : '!false'}`);
  // Opened = the newest message is in the DOM (the virtualized list starts at the bottom).
  const handle = await page.waitForFunction(
    (last) => {
      const thread = document.querySelector('[data-testid="long-thread"]');
      const rows = thread?.querySelectorAll('article.cc-message') ?? [];
      const newest = [...rows].some((row) => row.textContent?.includes(`Message ${last}:`));
      return newest ? performance.now() - Number(thread?.getAttribute('data-started-at')) : null;
    },
    THREAD_MESSAGES,
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  const counts = await page.evaluate(() => ({
    nodes: document.getElementsByTagName('*').length,
    rows: document.querySelectorAll('[data-testid="long-thread"] article.cc-message').length,
  }));
  return { ms, ...counts };
}

async function longThreadBench(browser: Browser): Promise<void> {
  buildStorybook();
  const { server, origin } = await serveFolder(STORYBOOK_DIR);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const results: Record<'virtualized' | 'unvirtualized', Array<{ ms: number; nodes: number; rows: number }>> = { virtualized: [], unvirtualized: [] };
    await openLongThread(page, origin, true); // warm-up: caches, JIT
    for (let run = 0; run < OPEN_RUNS; run++) {
      for (const virtualized of [true, false]) results[virtualized ? 'virtualized' : 'unvirtualized'].push(await openLongThread(page, origin, virtualized));
    }
    await page.close();
    const open = (key: keyof typeof results) => median(results[key].map((result) => result.ms));
    const nodes = (key: keyof typeof results) => median(results[key].map((result) => result.nodes));
    const rows = (key: keyof typeof results) => median(results[key].map((result) => result.rows));
    console.log(
      `open ${THREAD_MESSAGES}-message thread (story, median of ${OPEN_RUNS}): virtualized ${open('virtualized').toFixed(0)} ms, unvirtualized ${open('unvirtualized').toFixed(0)} ms (baseline ratio ${(open('unvirtualized') / open('virtualized')).toFixed(1)}x)`,
    );
    console.log(
      `DOM nodes with a ${THREAD_MESSAGES}-message thread: virtualized ${nodes('virtualized')} (${rows('virtualized')} rows), unvirtualized ${nodes('unvirtualized')} (${rows('unvirtualized')} rows) (baseline ratio ${(nodes('unvirtualized') / nodes('virtualized')).toFixed(1)}x)`,
    );
  } finally {
    server.close();
  }
}

export default async function browserBench(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await longThreadBench(browser);
  } finally {
    await browser.close();
  }
}

export { percentile };
