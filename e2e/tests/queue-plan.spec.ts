// Issue 15.4: the queue as a plan, held by the hub. Two tabs on one chat agree on a keyboard
// reorder, an in-place edit, "send now" and "pause after this turn" / resume, and the agent
// receives the messages in the plan's order with the edited text.
import type { Page } from '@playwright/test';
import { agentTurns, card, createChat, openApp, openChat, scrollToInList, scrollToNewest, selectThread, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

const queueOf = (page: Page) => page.getByRole('region', { name: 'Queued messages' });

/** The agent row that answered `text` (`quick` answers "ok: <prompt>"), scrolled into view. */
async function answerRow(page: Page, text: string) {
  await scrollToNewest(page);
  return scrollToInList(page, page.getByRole('article', { name: /^Message from/ }).filter({ has: agentTurns(page) }).filter({ hasText: `ok: ${text}` }));
}

async function startedAt(page: Page, text: string): Promise<number> {
  const row = await answerRow(page, text);
  await waitForTurnState(row.getByRole('article', { name: 'Agent turn' }), 'completed');
  return Date.parse((await row.locator('time').first().getAttribute('datetime'))!);
}

test('two tabs agree on the plan: reorder, edit, send now, pause and resume', async ({ page, context, hub, saveScreenshot }) => {
  await openApp(page, hub);
  await createChat(page, 'plan.chat');
  await startAgentThread(page);
  await sendMessage(page, 'slow: keep busy');
  await expect(agentTurns(page).filter({ has: card(page, /^Command: sleep 60/) })).toBeVisible({ timeout: 120_000 });
  for (const text of ['quick one', 'quick two', 'quick three']) await sendMessage(page, text);

  const other = await context.newPage();
  await openApp(other, hub);
  await openChat(other, 'plan.chat');
  await selectThread(other, /slow: keep busy/);
  // Each item reads: its position, the sender's avatar initials, the text.
  for (const tab of [page, other]) await expect(queueOf(tab).getByRole('listitem')).toHaveText([/^#1\p{Lu}{0,2}quick one/u, /^#2\p{Lu}{0,2}quick two/u, /^#3\p{Lu}{0,2}quick three/u]);

  // Reorder with the keyboard in the second tab: Alt+↑ on the focused third message.
  await queueOf(other).getByRole('listitem', { name: 'Queued message 3' }).focus();
  await other.keyboard.press('Alt+ArrowUp');
  for (const tab of [page, other]) await expect(queueOf(tab).getByRole('listitem')).toHaveText([/^#1\p{Lu}{0,2}quick one/u, /^#2\p{Lu}{0,2}quick three/u, /^#3\p{Lu}{0,2}quick two/u]);
  await expect(queueOf(other).getByRole('listitem', { name: 'Queued message 2' })).toBeFocused();

  // Edit the first message in place in the first tab: both queues and the chat message show the new text.
  await queueOf(page).getByRole('button', { name: 'Edit queued message 1' }).click();
  await queueOf(page).getByRole('textbox', { name: 'Edit queued message 1' }).fill('quick one, edited');
  await queueOf(page).getByRole('textbox', { name: 'Edit queued message 1' }).press('Enter');
  for (const tab of [page, other]) {
    await expect(queueOf(tab).getByRole('listitem').first()).toHaveText(/^#1\p{Lu}{0,2}quick one, edited/u);
    await expect(tab.getByRole('article', { name: /^Message from/ }).filter({ hasText: /^(?!.*ok: ).*quick one, edited/ }).first()).toBeAttached();
  }

  // Pause after this turn (second tab), then "send now" the third (first tab): the slow turn is
  // interrupted, "quick three" runs, and the paused queue holds the other two.
  await queueOf(other).getByRole('button', { name: 'Pause after this turn' }).click();
  for (const tab of [page, other]) await expect(queueOf(tab)).toContainText('Queue paused (3)');
  await queueOf(page).getByRole('button', { name: 'Send queued message 2 now' }).click();
  for (const tab of [page, other]) {
    const slow = tab.getByRole('article', { name: /^Message from/ }).filter({ has: agentTurns(tab) }).filter({ hasText: 'Running a slow command' });
    await waitForTurnState((await scrollToInList(tab, slow)).getByRole('article', { name: 'Agent turn' }), 'cancelled');
    await waitForTurnState((await answerRow(tab, 'quick three')).getByRole('article', { name: 'Agent turn' }), 'completed');
    await expect(queueOf(tab).getByRole('listitem')).toHaveText([/^#1\p{Lu}{0,2}quick one, edited/u, /^#2\p{Lu}{0,2}quick two/u]);
    await expect(queueOf(tab)).toContainText('Queue paused (2)');
  }
  await saveScreenshot(page, 'queue-plan-paused');
  await expect(page.getByText('ok: quick one')).toHaveCount(0);

  // Resume in the first tab: the plan runs in its order, with the edited text.
  await queueOf(page).getByRole('button', { name: 'Resume' }).click();
  for (const tab of [page, other]) await expect(queueOf(tab)).toHaveCount(0, { timeout: 120_000 });
  const three = await startedAt(other, 'quick three');
  const one = await startedAt(other, 'quick one, edited');
  const two = await startedAt(other, 'quick two');
  expect(three).toBeLessThan(one);
  expect(one).toBeLessThan(two);
  await saveScreenshot(other, 'queue-plan-done');
});
