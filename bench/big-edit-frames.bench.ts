// Frames while a turn with a huge edit streams (issue 9 item 6, the browser figure), in Debian's
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium) on the real app and a real hub: a hand-fed
// running turn whose agent rewrites every line of a 2,000- and a 5,000-line file (the edit's full
// diff arrives in one tool_call_update), then streams 40 answer chunks 25 ms apart. The page records
// `longtask` entries (PerformanceObserver) and the gaps between animation frames from just before
// the big diff is sent until 2 s after the last chunk; printed: longest task, tasks over 50 ms,
// longest frame gap, with the edit card expanded (the default) and collapsed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildAppIfNeeded } from '../src/hub/build-app.js';
import { startHub, type Hub } from '../src/hub/server.js';
import { createTurnService } from '../src/hub/turns/index.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// 0: the baseline, the same turn streaming with a two-line edit (what the machine does anyway).
const SIZES = [0, 2_000, 5_000];
const CHUNKS = 40;
const CHUNK_GAP_MS = 25;
const LONG_TASK_MS = 50;
const RUNS = 3;

type Frames = { longestTask: number; longTasks: number; longestGap: number; gapsOver50: number; frames: number; title: string };

const lines = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('\n') + '\n';

// Runs in the page before the app: records long tasks and rAF gaps into window.__frames while
// __frames.on is set. A string, not a function: tsx's name helpers do not exist in the page.
const RECORD_FRAMES = `
  const frames = { on: false, tasks: [], gaps: [] };
  window.__frames = frames;
  new PerformanceObserver((list) => {
    if (frames.on) for (const entry of list.getEntries()) frames.tasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  let last = performance.now();
  requestAnimationFrame(function tick(now) {
    if (frames.on) frames.gaps.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  });
`;

/** A thread whose agent row runs `turnId`, its log holding a small pending edit of big.ts. */
function seedTurn(hub: Hub, syncdb: Awaited<ReturnType<Hub['documents']['lease']>>['db'], rootMs: number, turnId: string, label: string): string {
  const root = new Date(rootMs).toISOString();
  const row = (date: string, sender: string, text: string, extra: Record<string, unknown> = {}) => ({ event: 'chat', date, sender_id: sender, history: [{ author_id: sender, content: text, date }], schema_version: 1, ...extra });
  syncdb.set(row(root, 'bench-user', label, { acp_config: { agent: 'demo' } }));
  syncdb.set(row(new Date(rootMs + 500).toISOString(), 'demo', '', { reply_to: root, generating: true, acp_account_id: 'bench-user', acp_turn: { id: turnId, state: 'running', startedAt: root } }));
  syncdb.commit();
  hub.turnLogs.create(turnId, { path: 'bench.chat', threadKey: String(rootMs), createdAt: root });
  const edit = { sessionUpdate: 'tool_call', toolCallId: 'big-edit', title: 'Rewrite big.ts', kind: 'edit', status: 'in_progress', content: [{ type: 'diff', path: 'big.ts', oldText: 'a\n', newText: 'b\n' }] };
  for (const event of [{ type: 'status', state: 'running' }, { type: 'update', update: edit }]) hub.turnLogs.append(turnId, { t: Date.now(), ...event } as never);
  return String(rootMs);
}

async function measure(page: Page, hub: Hub, size: number, expanded: boolean, index: number, syncdb: Parameters<typeof seedTurn>[1]): Promise<Frames> {
  const turnId = `big-edit-${index}`;
  const label = `big edit ${size} ${expanded ? 'expanded' : 'collapsed'}`;
  const threadKey = seedTurn(hub, syncdb, Date.now() - 60_000 + index * 1000, turnId, label);
  await page.goto(`${hub.url}&chat=bench.chat&thread=${threadKey}`);
  const card = page.locator('[data-kind="diff"]');
  await card.waitFor({ timeout: 60_000 });
  if (!expanded) await card.getByRole('button', { name: 'Collapse edit' }).click();
  await page.waitForTimeout(1_500); // the app's own opening work ends first
  await page.evaluate(() => ((window as unknown as { __frames: { on: boolean } }).__frames.on = true));
  const oldText = size === 0 ? 'a\n' : lines(size, (line) => `export const value${line} = ${line}; // before`);
  const newText = size === 0 ? 'b\nc\n' : lines(size, (line) => `export const value${line} = ${line * 2}; // after the rewrite`);
  const update = { sessionUpdate: 'tool_call_update', toolCallId: 'big-edit', status: 'completed', content: [{ type: 'diff', path: 'big.ts', oldText, newText }] };
  hub.turnLogs.append(turnId, { t: Date.now(), type: 'update', update } as never);
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    await new Promise((resolve) => setTimeout(resolve, CHUNK_GAP_MS));
    const text = chunk === CHUNKS - 1 ? ' streaming-done.' : ` chunk ${chunk}`;
    hub.turnLogs.append(turnId, { t: Date.now(), type: 'update', update: { sessionUpdate: 'agent_message_chunk', messageId: 'answer', content: { type: 'text', text } } } as never);
  }
  await page.getByText('streaming-done.', { exact: false }).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(2_000); // the expanded card computes its diff in idle time
  return page.evaluate((limit) => {
    const frames = (window as unknown as { __frames: { on: boolean; tasks: number[]; gaps: number[] } }).__frames;
    frames.on = false;
    return {
      longestTask: Math.max(0, ...frames.tasks),
      longTasks: frames.tasks.filter((duration) => duration > limit).length,
      longestGap: Math.max(0, ...frames.gaps),
      gapsOver50: frames.gaps.filter((gap) => gap > limit).length,
      frames: frames.gaps.length,
      title: document.querySelector('[data-kind="diff"] button[aria-expanded]')?.textContent ?? '',
    };
  }, LONG_TASK_MS);
}

async function run(browser: Browser): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-bench-root-'));
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-bench-state-'));
  const hub = await startHub({ root, stateDir, turnService: createTurnService });
  try {
    await hub.documents.create('bench.chat');
    // Held for the whole bench: a document nobody holds is unloaded about 2 s later.
    const { db: syncdb, release } = await hub.documents.lease('bench.chat');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript({ content: RECORD_FRAMES });
    let index = 0;
    for (const size of SIZES) {
      for (const expanded of [true, false]) {
        const runs: Frames[] = [];
        for (let run = 0; run < RUNS; run++) runs.push(await measure(page, hub, size, expanded, index++, syncdb));
        const worst = (pick: (frames: Frames) => number) => Math.max(...runs.map(pick)).toFixed(0);
        const each = (pick: (frames: Frames) => number) => runs.map(pick).join('/');
        console.log(
          `${size === 0 ? 'baseline (2-line edit)' : `${size}-line full rewrite`} streaming, card ${expanded ? 'expanded' : 'collapsed'} (${RUNS} runs): longest task ${worst((frames) => frames.longestTask)} ms, tasks over ${LONG_TASK_MS} ms ${each((frames) => frames.longTasks)}, ` +
            `longest frame gap ${worst((frames) => frames.longestGap)} ms, frame gaps over ${LONG_TASK_MS} ms ${each((frames) => frames.gapsOver50)} (of ${each((frames) => frames.frames)} frames); card title: ${runs[0]!.title}`,
        );
      }
    }
    await page.close();
    release();
  } finally {
    await hub.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

export default async function bigEditFramesBench(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    if (await buildAppIfNeeded(REPO_ROOT, (line) => console.log(line))) await run(browser);
    else console.log('big edit frames skipped: the web app could not be built (see above)');
  } finally {
    await browser.close();
  }
}
