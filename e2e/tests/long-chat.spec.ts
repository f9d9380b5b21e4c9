// A long chat opened on one of its threads (issue 9 item 10): the hub answers thread-first (that
// thread's rows, and each other thread's root and newest message), the page shows the thread, then
// loads the rest. Checked in Chromium against a real hub: the thread's newest message is on screen
// and stays there while the rest arrives; then every thread is in the sidebar with its real unread
// count and, opened, its older messages (which the first answer did not carry).
import { connectHubClient } from '../fixtures/hub-client.js';
import { expect, test } from '../fixtures/test.js';

const THREADS = 40;
const REPLIES = 40;
const FOCUS_REPLIES = 60;
const START = Date.UTC(2026, 10, 30, 9);
const iso = (ms: number) => new Date(ms).toISOString();
const message = (ms: number, text: string, root?: number) => ({
  event: 'chat',
  sender_id: 'grace',
  date: iso(ms),
  history: [{ author_id: 'grace', content: text, date: iso(ms) }],
  schema_version: 1,
  ...(root === undefined ? {} : { reply_to: iso(root) }),
});

test('a long chat opens on its thread first, then has every thread and message', async ({ page, hub }) => {
  const api = connectHubClient(hub);
  const rows = [];
  for (let thread = 0; thread < THREADS; thread += 1) {
    const root = START + thread * 60_000;
    rows.push(message(root, `thread ${thread} starts here`));
    for (let reply = 1; reply <= REPLIES; reply += 1) rows.push(message(root + reply * 100, `reply ${reply} in thread ${thread}`, root));
  }
  const focus = START + THREADS * 60_000;
  rows.push(message(focus, 'the long thread'));
  for (let reply = 1; reply <= FOCUS_REPLIES; reply += 1) rows.push(message(focus + reply * 1_000, `Message ${reply} of the long thread`, focus));
  await api.call('chat.create', { path: 'long.chat' });
  await api.call('chat.set', { path: 'long.chat', rows });
  api.close();

  const opens: Array<Record<string, unknown>> = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { method?: string; params?: Record<string, unknown> };
      if (frame.method === 'chat.open') opens.push(frame.params ?? {});
    }),
  );
  await page.goto(`${hub.url}&chat=long.chat&thread=${focus}`);
  const newest = page.getByText(`Message ${FOCUS_REPLIES} of the long thread`);
  await expect(newest).toBeVisible();
  // Thread-first, then the whole document.
  await expect.poll(() => opens).toEqual([
    { path: 'long.chat', thread: String(focus) },
    { path: 'long.chat' },
  ]);
  const threads = page.getByRole('navigation', { name: 'Threads' });
  await expect(threads.getByLabel(`${REPLIES + 1} unread`)).toHaveCount(THREADS);
  await expect(newest).toBeVisible(); // the rest arriving did not move the open thread
  // A reply that only the whole document has (the first answer carried each thread's newest).
  await threads.getByRole('button', { name: /^thread 7 starts here/ }).click();
  await expect(page.getByText(`reply ${REPLIES - 1} in thread 7`, { exact: true })).toBeVisible();
  await expect(page.getByText(`reply ${REPLIES} in thread 7`, { exact: true })).toBeVisible();
});
