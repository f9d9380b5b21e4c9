// Scenario 2: three messages queued while a turn runs run in order after it; one cancelled while
// queued never runs.
import type { Page } from '@playwright/test';
import { agentTurns, card, createChat, openApp, scrollToInList, scrollToNewest, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

/** The agent row that answered `text` (`quick` answers "ok: <prompt>"), scrolled into view. */
async function answerRow(page: Page, text: string) {
  await scrollToNewest(page);
  return scrollToInList(page, page.getByRole('article', { name: /^Message from/ }).filter({ has: agentTurns(page) }).filter({ hasText: `ok: ${text}` }));
}

test('queued messages run in order; a cancelled one never runs', async ({ page, hub, saveScreenshot }) => {
  await openApp(page, hub);
  await createChat(page, 'queue.chat');
  await startAgentThread(page);
  await sendMessage(page, 'slow: keep busy');
  const slow = agentTurns(page).filter({ has: card(page, /^Command: sleep 60/) });
  await expect(slow).toBeVisible({ timeout: 120_000 });

  for (const text of ['quick one', 'quick two', 'quick three']) await sendMessage(page, text);
  const queue = page.getByRole('region', { name: 'Queued messages' });
  await expect(queue).toContainText('Queued (3)');
  await expect(queue.getByRole('listitem')).toHaveText([/#1.*quick one/, /#2.*quick two/, /#3.*quick three/]);
  await saveScreenshot(page, 'queue-three');

  await queue.getByRole('button', { name: 'Cancel queued message 2' }).click();
  await expect(queue.getByRole('listitem')).toHaveText([/#1.*quick one/, /#2.*quick three/]);

  // Interrupt the slow turn: the queue drains in order.
  await (await scrollToInList(page, slow)).getByRole('button', { name: /Interrupt/ }).click();
  await expect(queue).toHaveCount(0, { timeout: 120_000 });
  const one = await answerRow(page, 'quick one');
  await waitForTurnState(one.getByRole('article', { name: 'Agent turn' }), 'completed');
  const oneStarted = await one.locator('time').first().getAttribute('datetime');
  const three = await answerRow(page, 'quick three');
  await waitForTurnState(three.getByRole('article', { name: 'Agent turn' }), 'completed');
  const threeStarted = await three.locator('time').first().getAttribute('datetime');
  expect(Date.parse(oneStarted!)).toBeLessThan(Date.parse(threeStarted!));
  await expect(page.getByText('ok: quick two')).toHaveCount(0);
  await saveScreenshot(page, 'queue');
  // The cancelled message never reached the agent: no answer to it anywhere in the thread.
  await scrollToInList(page, page.getByText('slow: keep busy'));
  await expect(page.getByText('ok: quick two')).toHaveCount(0);
});
