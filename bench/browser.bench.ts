// Browser measurements in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium):
// - a 1,000-message thread: time to open and DOM nodes, virtualized (what the app renders) side by
//   side with every row rendered (the baseline), both from the Storybook build of
//   fixtures/room/LongThread.stories.tsx, so only virtualization differs;
// - the same in the real app: a 1,000-message thread opened from the thread list of a real hub;
// - event to screen: an agent update appended to the turn log on a real hub (in this process) to
//   the terminal card's DOM change in the page (both stamped with performance.timeOrigin + now()).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildAppIfNeeded } from '../src/hub/build-app.js';
import { startHub, type Hub } from '../src/hub/server.js';
import { createTurnService } from '../src/hub/turns/index.js';
import { median, percentile } from './support/statistics.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STORYBOOK_DIR = path.join(REPO_ROOT, 'fixtures/storybook-static');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const THREAD_MESSAGES = 1_000;
const OPEN_RUNS = 3;
const LATENCY_SAMPLES = 200;

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
  await page.waitForTimeout(1_000); // let the list settle (measuring, overscan) before counting
  const counts = await page.evaluate(() => ({
    nodes: document.getElementsByTagName('*').length,
    rows: document.querySelectorAll('[data-testid="long-thread"] article.cc-message').length,
  }));
  return { ms, ...counts };
}

/** The unvirtualized baseline of a 1,000-message thread: open time and DOM nodes (medians). */
type Baseline = { ms: number; nodes: number };

async function longThreadBench(browser: Browser): Promise<Baseline> {
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
    return { ms: open('unvirtualized'), nodes: nodes('unvirtualized') };
  } finally {
    server.close();
  }
}

/** A thread root plus `replies` messages (agent thread when `turnId` is given: its agent row). */
function seedThread(hub: Hub, syncdb: Awaited<ReturnType<Hub['documents']['open']>>, rootMs: number, replies: number, turnId?: string): string {
  const at = (offset: number) => new Date(rootMs + offset).toISOString();
  const root = at(0);
  const message = (date: string, sender: string, text: string, extra: Record<string, unknown> = {}) => ({
    event: 'chat', date, sender_id: sender, history: [{ author_id: sender, content: text, date }], schema_version: 1, ...extra,
  });
  syncdb.set(message(root, 'bench-user', turnId ? 'event-to-screen thread' : `a thread of ${replies + 1} messages`, turnId ? { acp_config: { agent: 'demo' } } : {}));
  for (let index = 1; index <= replies; index++) syncdb.set(message(at(index * 1000), index % 2 ? 'bench-user' : 'grace', `Message ${index + 1}: reply number ${index}`, { reply_to: root }));
  if (turnId) {
    syncdb.set(message(at(500), 'demo', '', { reply_to: root, generating: true, acp_account_id: 'bench-user', acp_turn: { id: turnId, state: 'running', startedAt: root } }));
    hub.turnLogs.create(turnId, { path: 'bench.chat', threadKey: String(rootMs), createdAt: root });
    const tool = { sessionUpdate: 'tool_call', toolCallId: 'bench-cmd', title: 'bench output', kind: 'execute', status: 'in_progress', content: [{ type: 'terminal', terminalId: 'bench-cmd' }], rawInput: { command: 'bench output' } };
    for (const event of [{ type: 'status', state: 'running' }, { type: 'update', update: tool }]) hub.turnLogs.append(turnId, { t: Date.now(), ...event } as never);
  }
  syncdb.commit();
  return String(rootMs);
}

/** The app with bench.chat open (`?chat=`), the thread list ready. */
async function openBenchChat(page: Page, hub: Hub): Promise<void> {
  await page.goto(`${hub.url}&chat=bench.chat`);
  await page.getByRole('navigation', { name: 'Threads' }).waitFor({ timeout: 60_000 });
}

async function openThread(page: Page, hub: Hub, label: RegExp): Promise<void> {
  await openBenchChat(page, hub);
  await page.getByRole('navigation', { name: 'Threads' }).getByText(label).click();
}

/** Appends terminal output lines `mark-<n>` on the hub; the page reports when each reaches the card. */
async function eventToScreen(page: Page, hub: Hub, turnId: string): Promise<number[]> {
  await openThread(page, hub, /event-to-screen thread/);
  await page.locator('[data-kind="terminal"]').waitFor({ timeout: 60_000 });
  const shownAt = new Map<number, number>();
  let waiting: { mark: number; resolve: () => void } | undefined;
  await page.exposeFunction('__benchShown', (mark: number, at: number) => {
    if (!shownAt.has(mark)) shownAt.set(mark, at);
    if (waiting && shownAt.has(waiting.mark)) waiting.resolve();
  });
  await page.evaluate(() => {
    let highest = -1;
    const report = (window as unknown as { __benchShown: (mark: number, at: number) => void }).__benchShown;
    new MutationObserver(() => {
      const at = performance.timeOrigin + performance.now();
      const text = document.querySelector('[data-kind="terminal"]')?.textContent ?? '';
      for (const match of text.matchAll(/mark-(\d+)\./g)) {
        const mark = Number(match[1]);
        if (mark > highest) {
          highest = mark;
          report(mark, at);
        }
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const latencies: number[] = [];
  for (let mark = 0; mark < LATENCY_SAMPLES + 20; mark++) {
    const shown = new Promise<void>((resolve) => (waiting = { mark, resolve }));
    const sentAt = performance.timeOrigin + performance.now();
    hub.turnLogs.append(turnId, { t: Date.now(), type: 'update', update: { sessionUpdate: 'tool_call_update', toolCallId: 'bench-cmd', _meta: { terminal_output: { terminal_id: 'bench-cmd', data: `mark-${mark}.\n` } } } } as never);
    await shown;
    if (mark >= 20) latencies.push(shownAt.get(mark)! - sentAt); // the first 20 warm up
    await page.waitForTimeout(10); // let the page go idle, as between real agent updates
  }
  return latencies;
}

/** Opens the seeded 1,000-message thread from the thread list: ms from the click until the newest message shows. */
async function openBigThread(page: Page, hub: Hub): Promise<{ ms: number; nodes: number; rows: number }> {
  await openBenchChat(page, hub);
  const item = page.getByRole('navigation', { name: 'Threads' }).getByText(/a thread of 1000 messages/);
  await item.waitFor();
  await page.evaluate(() => ((window as unknown as { __openStart: number }).__openStart = performance.now()));
  await item.click();
  const handle = await page.waitForFunction(
    (last) => {
      const newest = [...document.querySelectorAll('article.cc-message')].some((row) => row.textContent?.includes(`Message ${last}:`));
      return newest ? performance.now() - (window as unknown as { __openStart: number }).__openStart : null;
    },
    THREAD_MESSAGES,
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  await page.waitForTimeout(1_000); // let the list settle (measuring, overscan) before counting
  const counts = await page.evaluate(() => ({ nodes: document.getElementsByTagName('*').length, rows: document.querySelectorAll('article.cc-message').length }));
  return { ms, ...counts };
}

async function appBench(browser: Browser, baseline: Baseline): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-bench-root-'));
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-bench-state-'));
  const hub = await startHub({ root, stateDir, turnService: createTurnService });
  try {
    await hub.documents.create('bench.chat');
    // Held for the whole bench: a document nobody holds is unloaded about 2 s later.
    const { db: syncdb, release } = await hub.documents.lease('bench.chat');
    const now = Date.now();
    seedThread(hub, syncdb, now - 3_600_000, THREAD_MESSAGES - 1);
    seedThread(hub, syncdb, now - 60_000, 0, 'bench-turn');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const opens = [];
    for (let run = 0; run < OPEN_RUNS; run++) opens.push(await openBigThread(page, hub));
    const open = median(opens.map((result) => result.ms));
    const nodes = median(opens.map((result) => result.nodes));
    console.log(
      `open ${THREAD_MESSAGES}-message thread in the app (real hub, median of ${OPEN_RUNS}): ${open.toFixed(0)} ms, ${nodes} DOM nodes, ${median(opens.map((result) => result.rows))} message rows rendered ` +
        `(unvirtualized baseline ${baseline.ms.toFixed(0)} ms, ${baseline.nodes} nodes: ratio ${(baseline.ms / open).toFixed(1)}x time, ${(baseline.nodes / nodes).toFixed(1)}x nodes)`,
    );
    const latencies = await eventToScreen(page, hub, 'bench-turn');
    console.log(`event to screen (turn log append on the hub -> terminal card DOM change): median ${median(latencies).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms (${latencies.length} samples)`);
    await page.close();
    release();
  } finally {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

export default async function browserBench(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const baseline = await longThreadBench(browser);
    if (await buildAppIfNeeded(REPO_ROOT, (line) => console.log(line))) await appBench(browser, baseline);
    else console.log('app measurements skipped: the web app could not be built (see above)');
  } finally {
    await browser.close();
  }
}
