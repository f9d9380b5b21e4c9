// Scenario 8: hostile agent output (script tags, event handlers, javascript: links in messages,
// terminal output, file names and diffs) shows as text: no dialog opens, no script runs.
import { agentTurns, card, createChat, openApp, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

test('hostile output is shown as text and never runs', async ({ page, hub, saveScreenshot }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp(page, hub);
  await createChat(page, 'hostile.chat');
  await startAgentThread(page);
  await sendMessage(page, 'hostile');
  const turn = agentTurns(page).last();

  // The demo's hostile edit asks permission first (a diff whose file name is an <img onerror>).
  const permission = card(turn, /^Permission request/);
  await expect(permission).toBeVisible({ timeout: 120_000 });
  await permission.getByRole('group', { name: 'Approval options' }).getByRole('button').first().click();
  await waitForTurnState(turn, 'completed');
  await turn.getByRole('button', { name: /Show activity/ }).click();

  await expect(turn).toContainText('<script>alert("x")</script>');
  const terminal = card(turn, /^Command:/);
  await terminal.getByRole('button', { name: 'Expand command' }).click();
  const output = terminal.getByLabel(/^Command output/);
  await expect(output).toContainText('<script>alert(3)</script>');
  await expect(output).toContainText('<img src=x onerror=alert(4)>');
  await expect(card(turn, /^Edit:/)).toContainText('<img src=x onerror=alert(6)>.md');
  await saveScreenshot(page, 'hostile');

  // Nothing the agent wrote became live markup.
  const live = await page.evaluate(() => ({
    scripts: document.querySelectorAll('main script').length,
    handlers: [...document.querySelectorAll('main *')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
    javascriptLinks: [...document.querySelectorAll('a[href]')].filter((link) => /^\s*javascript:/i.test(link.getAttribute('href') ?? '')).length,
    images: document.querySelectorAll('main img[src="x"]').length,
  }));
  expect(live).toEqual({ scripts: 0, handlers: 0, javascriptLinks: 0, images: 0 });
  // Clicking the rendered "click me" link must not run anything either.
  await turn.getByText('click me').first().click();
  expect(dialogs).toEqual([]);
});
