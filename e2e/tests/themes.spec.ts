// Themes and narrow windows (issue 15 items 7-8), in Chromium against the real hub and demo agent:
// the dark theme follows the system's prefers-color-scheme (terminal, diff and page all dark), the
// switch's choice is remembered across a reload; at 400 px the sidebar is a drawer and nothing
// makes the page scroll sideways (the approval buttons wrap, commands and diffs scroll inside).
import type { Locator, Page } from '@playwright/test';
import { agentTurns, card, createChat, openApp, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

/** A demo `full` turn (plain prompt): approve its edit, then open the finished turn's activity. */
async function runDemoTurn(page: Page, prompt: string, onPermission?: () => Promise<void>): Promise<Locator> {
  await sendMessage(page, prompt);
  const turn = agentTurns(page).last();
  const permission = card(turn, /^Permission request/);
  await expect(permission).toBeVisible({ timeout: 120_000 });
  if (onPermission) await onPermission();
  await permission.getByRole('group', { name: 'Approval options' }).getByRole('button').first().click();
  await waitForTurnState(turn, 'completed');
  await turn.getByRole('button', { name: /Show activity/ }).click();
  await expect(card(turn, /^Edit:/)).toContainText('demo-notes.md');
  return turn;
}

const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** The page's own width fits the window: nothing pushes it sideways. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

test('dark theme from the system: page, terminal and diff are dark; a picked theme is remembered', async ({ page, hub, saveScreenshot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, hub);
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
  expect(await pageBackground(page)).toBe('rgb(20, 20, 20)');
  await createChat(page, 'themes.chat');
  await startAgentThread(page);
  const turn = await runDemoTurn(page, 'Please note that the theme is dark');

  const terminal = card(turn, /^Command: ls -la/);
  // A finished command starts folded: open it, as a reader would.
  await terminal.getByRole('button', { name: 'Expand command' }).click();
  const terminalBackground = await terminal.locator('.cc-terminal-output').first().evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(terminalBackground).toBe('rgb(13, 17, 23)');
  const diff = card(turn, /^Edit:/);
  await expect(diff.locator('.d2h-dark-color-scheme').first()).toBeVisible();
  expect(await diff.locator('.d2h-dark-color-scheme').first().evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(13, 17, 23)');
  // antd's dark algorithm: the composer's box is dark too.
  const composerBackground = await page.getByRole('combobox', { name: 'Message' }).evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(composerBackground).not.toBe('rgb(255, 255, 255)');
  await terminal.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'themes-dark-turn');

  // The switch beats the system, and a reload keeps it.
  await page.getByRole('radio', { name: 'Light' }).locator('xpath=..').click();
  await expect.poll(() => pageBackground(page)).toBe('rgb(255, 255, 255)');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  expect(await pageBackground(page)).toBe('rgb(255, 255, 255)');
});

test('400 px wide: the sidebar is a drawer and the page never scrolls sideways', async ({ page, hub, saveScreenshot }) => {
  await openApp(page, hub);
  await createChat(page, 'narrow.chat');
  await startAgentThread(page);
  await page.setViewportSize({ width: 400, height: 900 });
  const menu = page.getByRole('button', { name: 'Open chats and threads' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Threads' })).toBeHidden();

  const turn = await runDemoTurn(page, 'Please note that a narrow window works', async () => {
    // While the approval waits: its buttons fit (they wrap), and so does the command.
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, 'themes-400px-approval');
  });
  await card(turn, /^Command: ls -la/).getByRole('button', { name: 'Expand command' }).click();
  await expect(card(turn, /^Command: ls -la/).locator('.cc-terminal-output')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await saveScreenshot(page, 'themes-400px');

  // The drawer: opened by the menu button, closed by picking the thread.
  await menu.click();
  const drawer = page.getByRole('dialog');
  const threads = drawer.getByRole('navigation', { name: 'Threads' });
  await expect(threads).toBeVisible();
  // The screenshot waits for the drawer's slide-in to end (its panel at the window's left edge).
  await expect.poll(() => drawer.evaluate((element) => Math.round(element.getBoundingClientRect().left))).toBe(0);
  await expectNoHorizontalOverflow(page);
  await saveScreenshot(page, 'themes-400px-drawer');
  await threads.getByRole('button', { name: /narrow window/ }).first().click();
  await expect(drawer).toBeHidden();
  await expect(agentTurns(page).last()).toBeVisible();
});
