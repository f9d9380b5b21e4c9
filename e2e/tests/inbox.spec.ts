// Issue 15 items 1–2: an approval answered from the inbox while another thread is open, and a
// desktop notification when a hidden page's turn waits. Chromium's real Notification API is used
// (permission granted in the context); a page-side wrapper records each notification shown.
// Hiding the page: headless Chromium keeps a tab visible, so the spec overrides
// document.visibilityState and dispatches visibilitychange, as a browser does when a tab is hidden.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { agentTurns, card, createChat, openApp, selectThread, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

const threads = (page: Page) => page.getByRole('navigation', { name: 'Threads' });
const waitingMark = (page: Page, label: RegExp) => threads(page).getByRole('button', { name: label }).getByLabel('waiting for your approval');

test('an approval of another thread is answered from the inbox, by keyboard', async ({ page, hub, saveScreenshot }) => {
  await openApp(page, hub);
  await createChat(page, 'inbox.chat');
  await startAgentThread(page);
  await sendMessage(page, 'edit: note the inbox works');
  await expect(card(agentTurns(page).last(), /^Permission request/)).toBeVisible({ timeout: 120_000 });

  // A second thread is opened: the first one's approval waits elsewhere.
  await startAgentThread(page);
  await sendMessage(page, 'hello');
  await waitForTurnState(agentTurns(page).last(), 'completed');
  await expect(page.getByRole('heading', { name: 'New agent thread' })).toHaveCount(0);
  await expect(page.getByRole('main').getByText('note the inbox works')).toHaveCount(0);
  await expect(waitingMark(page, /edit: note the inbox works/)).toBeVisible();
  await expect(waitingMark(page, /^hello/)).toHaveCount(0);
  const inboxButton = page.getByRole('button', { name: 'Approvals: 1 waiting' });
  await expect(inboxButton).toBeVisible();

  await page.keyboard.press('Control+Shift+A');
  const list = page.getByRole('list', { name: 'Pending approvals' });
  await expect(list).toBeFocused();
  const item = list.getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('edit: note the inbox works');
  await expect(item).toContainText('demo-notes.md');
  await saveScreenshot(page, 'inbox');

  await page.keyboard.press('1'); // the first option: allow
  await expect(page.getByRole('button', { name: 'Approvals: none waiting' })).toBeVisible({ timeout: 60_000 });
  await expect(waitingMark(page, /edit: note the inbox works/)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();

  // The first thread's turn went on with the edit, and its card says who decided: this account.
  await selectThread(page, /edit: note the inbox works/);
  const turn = agentTurns(page).last();
  await waitForTurnState(turn, 'completed');
  await expect(turn).toContainText('Edited demo-notes.md.');
  expect(await readFile(path.join(hub.root, 'demo-notes.md'), 'utf8')).toContain('note the inbox works');
  await turn.getByRole('button', { name: /Show activity/ }).click();
  await expect(card(turn, /^Permission request/)).toContainText(/You approved/);
});

test('a hidden page notifies a turn that waits, and the title counts it', async ({ page, context, hub, saveScreenshot }) => {
  await context.grantPermissions(['notifications'], { origin: hub.origin });
  // Records every notification the page shows, on top of the real API.
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: Array<{ title: string; body: string | undefined; click: () => void }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body, click: () => this.onclick?.call(this, new Event('click')) });
      }
    }
    window.Notification = Recording as typeof Notification;
  });
  const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: Array<{ title: string; body?: string }> }).shownNotifications.map(({ title, body }) => ({ title, body })));
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);

  await openApp(page, hub);
  const bell = page.getByRole('button', { name: 'Desktop notifications' });
  await bell.click();
  await expect(bell).toHaveAttribute('aria-pressed', 'true');
  await createChat(page, 'notify.chat');
  await startAgentThread(page);
  await sendMessage(page, 'hello');
  await waitForTurnState(agentTurns(page).last(), 'completed');
  const title = await page.title();

  await setVisibility('hidden');
  await sendMessage(page, 'edit: while you were away');
  await expect.poll(shown, { timeout: 120_000 }).toEqual([{ title: 'Waiting for your approval: hello', body: expect.stringContaining('demo-notes.md') }]);
  await expect(page).toHaveTitle(`(1) waiting · ${title}`);

  // Another thread is open when the user clicks the notification: it opens the waiting one.
  await startAgentThread(page);
  await page.evaluate(() => (window as unknown as { shownNotifications: Array<{ click: () => void }> }).shownNotifications[0].click());
  await expect(card(agentTurns(page).last(), /^Permission request/)).toBeVisible();
  await setVisibility('visible');
  await expect(page).toHaveTitle(title);
  await saveScreenshot(page, 'inbox-notified-thread');
});
