// Opening a long chat in the real app in Debian's Chromium (issue 9 item 10): a 10,000-message chat
// (300 threads of 30 and one of 1,000 messages) on a real hub, opened at `?chat=…&thread=…` on the
// long thread. Printed split, from the page's own clock: transfer (the first chat.open sent -> its
// answer received; thread-first, so the thread's rows), parse (JSON.parse of that frame), store build
// (createChatStore's performance mark), first render (store built -> the thread's newest message
// in the window: the plain tail of the thread's first screen), the whole open; then when the
// sidebar's threads and the virtualized list (handed over from the tail) showed, the time from the
// page's start, and until the rest of the document is in the store (CHAT_STORE_WHOLE_MARK) with the
// longest task in that time. Reloads in one tab after 3 warm-ups (HTTP and V8 code caches warm).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildAppIfNeeded } from '../src/hub/build-app.js';
import { startHub } from '../src/hub/server.js';
import { createTurnService } from '../src/hub/turns/index.js';
import { CHAT_STORE_BUILD_MEASURE, CHAT_STORE_WHOLE_MARK } from '../stores/chat/index.js';
import { median } from './support/statistics.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SMALL_THREADS = 300;
const SMALL_THREAD_MESSAGES = 30;
const LONG_THREAD_MESSAGES = 1_000;
const WARM_UPS = 3;
const RUNS = 7;

type Split = {
  transfer: number;
  parse: number;
  store: number;
  render: number;
  open: number;
  bytes: number;
  longestTask: number;
  nodes: number;
  threadItems: number;
  /** From the first chat.open to the sidebar's first thread, and to the virtualized list shown (its tail gone). */
  sidebar: number;
  virtual: number;
  /** From the page's navigation start to the newest message on screen. */
  fromStart: number;
  /** From the first chat.open to the whole document in the store, and the longest task after the first screen until then. */
  whole: number;
  longestTaskAfter: number;
  allThreadItems: number;
};

// Runs in the page before the app: stamps the chat.open request and answer, and times big parses.
function instrumentPage(): void {
  const marks = { openSent: 0, openAnswered: 0, bytes: 0, parse: 0 };
  (window as unknown as { __openMarks: typeof marks }).__openMarks = marks;
  const tasks: Array<[number, number]> = [];
  (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let openId: unknown;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    // The first chat.open only (thread-first: the thread's rows; the whole document follows).
    if (openId === undefined && typeof data === 'string' && data.includes('"chat.open"')) {
      marks.openSent = performance.now();
      openId = (JSON.parse(data) as { id?: unknown }).id;
    }
    return send.call(this, data);
  };
  const parse = JSON.parse;
  JSON.parse = function (text: string, reviver?: Parameters<typeof JSON.parse>[1]) {
    const started = performance.now();
    const value = parse(text, reviver) as { id?: unknown };
    if (typeof text === 'string' && openId !== undefined && value?.id === openId && marks.openAnswered === 0) {
      marks.openAnswered = started; // the answer has arrived when the client starts to parse it
      marks.bytes = text.length;
      marks.parse = performance.now() - started;
    }
    return value;
  } as typeof JSON.parse;
}

// Runs in the page before the app (a string: no bundler helpers): each frame, looks for the newest
// message in the window, the sidebar's first thread and the virtualized list (its tail gone), and stamps when each
// first shows; signals the first over the console. No Playwright script is evaluated in the page
// until then (its injected script costs the page 10-15 ms of main thread right in the measured window).
const WATCH_FIRST_SCREEN = `(function watch() {
  const at = (window.__screen ??= {});
  const inView = (row) => { const box = row.getBoundingClientRect(); return box.height > 0 && box.bottom > 0 && box.top < innerHeight; };
  if (at.shown === undefined && [...document.querySelectorAll('article.cc-message')].some((row) => row.textContent.includes('Message ${LONG_THREAD_MESSAGES}:') && inView(row))) {
    at.shown = performance.now();
    at.nodes = document.getElementsByTagName('*').length;
    at.threadItems = document.querySelectorAll('nav li').length;
    console.log('open-chat:shown');
  }
  if (at.sidebar === undefined && document.querySelector('nav li')) at.sidebar = performance.now();
  const scroller = document.querySelector('[data-virtuoso-scroller]');
  if (at.virtual === undefined && scroller && scroller.style.visibility !== 'hidden' && !document.querySelector('.cc-message-tail')) at.virtual = performance.now();
  if (at.shown === undefined || at.sidebar === undefined || at.virtual === undefined) requestAnimationFrame(watch);
})()`;

async function openOnce(page: Page, url: string): Promise<Split> {
  const shown = page.waitForEvent('console', { predicate: (message) => message.text() === 'open-chat:shown', timeout: 120_000 });
  await page.goto(url, { waitUntil: 'commit' });
  await shown;
  const shownAt = (await page.evaluate('window.__screen.shown')) as number;
  await page.waitForFunction('window.__screen.sidebar !== undefined && window.__screen.virtual !== undefined', undefined, { timeout: 120_000 });
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, CHAT_STORE_WHOLE_MARK, { timeout: 120_000 });
  // The rest of the thread list renders in transition steps after the document is whole.
  await page.waitForFunction((threads) => document.querySelectorAll('nav li').length >= threads, SMALL_THREADS + 1, { timeout: 120_000 });
  return page.evaluate(
    ({ shownAt, measureName, wholeMark }) => {
      const marks = (window as unknown as { __openMarks: { openSent: number; openAnswered: number; bytes: number; parse: number } }).__openMarks;
      const screen = (window as unknown as { __screen: { nodes: number; threadItems: number; sidebar: number; virtual: number } }).__screen;
      const allTasks = (window as unknown as { __tasks: Array<[number, number]> }).__tasks;
      const tasks = allTasks.filter(([start, duration]) => start + duration >= marks.openSent && start < shownAt);
      const wholeAt = performance.getEntriesByName(wholeMark).at(-1)?.startTime ?? Number.NaN;
      const after = allTasks.filter(([start]) => start >= shownAt && start <= wholeAt);
      const store = performance.getEntriesByName(measureName).at(-1);
      const storeEnd = store ? store.startTime + store.duration : marks.openAnswered + marks.parse;
      return {
        transfer: marks.openAnswered - marks.openSent,
        parse: marks.parse,
        store: store?.duration ?? Number.NaN,
        render: shownAt - storeEnd,
        open: shownAt - marks.openSent,
        bytes: marks.bytes,
        longestTask: Math.max(0, ...tasks.map(([, duration]) => duration)),
        nodes: screen.nodes,
        threadItems: screen.threadItems,
        sidebar: screen.sidebar - marks.openSent,
        virtual: screen.virtual - marks.openSent,
        fromStart: shownAt,
        whole: wholeAt - marks.openSent,
        longestTaskAfter: Math.max(0, ...after.map(([, duration]) => duration)),
        allThreadItems: document.querySelectorAll('nav li').length,
      };
    },
    { shownAt, measureName: CHAT_STORE_BUILD_MEASURE, wholeMark: CHAT_STORE_WHOLE_MARK },
  );
}

export default async function openChatBench(): Promise<void> {
  if (!(await buildAppIfNeeded(REPO_ROOT, (line) => console.log(line)))) {
    console.log('open-chat skipped: the web app could not be built (see above)');
    return;
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-bench-root-'));
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-bench-state-'));
  const hub = await startHub({ root, stateDir, turnService: createTurnService });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await hub.documents.create('bench.chat');
    const { db, release } = await hub.documents.lease('bench.chat');
    const start = Date.now() - 86_400_000;
    const message = (ms: number, sender: string, text: string, root?: number) => ({
      event: 'chat', date: new Date(ms).toISOString(), sender_id: sender, history: [{ author_id: sender, content: text, date: new Date(ms).toISOString() }], schema_version: 1,
      ...(root === undefined ? {} : { reply_to: new Date(root).toISOString() }),
    });
    for (let thread = 0; thread < SMALL_THREADS; thread++) {
      const rootMs = start + thread * 60_000;
      db.set(message(rootMs, 'bench-user', `thread ${thread}: some *markdown* with \`code\``));
      for (let reply = 1; reply < SMALL_THREAD_MESSAGES; reply++) db.set(message(rootMs + reply * 100, reply % 2 ? 'grace' : 'bench-user', `reply ${reply} in thread ${thread}, **bold** and a [link](https://example.com)`, rootMs));
    }
    const longRoot = start + SMALL_THREADS * 60_000;
    db.set(message(longRoot, 'bench-user', `a thread of ${LONG_THREAD_MESSAGES} messages`));
    for (let reply = 1; reply < LONG_THREAD_MESSAGES; reply++) db.set(message(longRoot + reply * 1000, reply % 2 ? 'bench-user' : 'grace', `Message ${reply + 1}: reply number ${reply} with *some* markdown`, longRoot));
    db.commit();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(instrumentPage);
    await page.addInitScript(WATCH_FIRST_SCREEN);
    const url = `${hub.url}&chat=bench.chat&thread=${longRoot}`;
    // Warm-up: the HTTP cache, V8's code cache (kept from the second load on), as for a daily user.
    for (let run = 0; run < WARM_UPS; run++) await openOnce(page, url);
    const runs: Split[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await openOnce(page, url));
    const at = (key: keyof Split) => median(runs.map((each) => each[key]));
    console.log(
      `open a ${(SMALL_THREADS * SMALL_THREAD_MESSAGES + LONG_THREAD_MESSAGES).toLocaleString('en')}-message chat on its ${LONG_THREAD_MESSAGES}-message thread (median of ${RUNS}): ` +
        `${at('open').toFixed(0)} ms from chat.open to the newest message on screen = transfer ${at('transfer').toFixed(0)} ms (${(at('bytes') / 1e6).toFixed(1)} MB) ` +
        `+ parse ${at('parse').toFixed(0)} ms + store build ${at('store').toFixed(0)} ms + first render ${at('render').toFixed(0)} ms (the rest: between them, e.g. the client's row copy)`,
    );
    console.log(`  longest main-thread task during the open: ${at('longestTask').toFixed(0)} ms; ${at('nodes')} DOM nodes, ${at('threadItems')} thread-list items rendered`);
    console.log(
      `  then, after chat.open: the sidebar's threads at ${at('sidebar').toFixed(0)} ms, the virtualized list (the first screen's plain tail handed over) at ${at('virtual').toFixed(0)} ms`,
    );
    console.log(`  from the page's start (navigation) to that first screen: ${at('fromStart').toFixed(0)} ms`);
    console.log(
      `  the whole document in the store (the rest arrives after the first screen, in slices): ${at('whole').toFixed(0)} ms after the first chat.open; ` +
        `longest task between the first screen and then: ${at('longestTaskAfter').toFixed(0)} ms; ${at('allThreadItems')} thread-list items in the end`,
    );
    await page.close();
    release();
  } finally {
    await browser.close();
    await hub.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  }
}
