// Scenario 5: two tabs on one chat see the same thing: a draft, a message and a running turn.
import { agentTurns, card, composer, createChat, openApp, openChat, selectThread, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

test('a draft, a message and a running turn appear in both tabs', async ({ page, context, hub, saveScreenshot }) => {
  await openApp(page, hub);
  await createChat(page, 'shared.chat');
  await startAgentThread(page);
  await sendMessage(page, 'hello from tab one');
  await waitForTurnState(agentTurns(page).first(), 'completed');

  const other = await context.newPage();
  await openApp(other, hub);
  await openChat(other, 'shared.chat');
  await selectThread(other, /hello from tab one/);
  await expect(other.getByText('hello from tab one').first()).toBeVisible();
  await waitForTurnState(agentTurns(other).first(), 'completed');

  // A draft typed in one tab shows in the other.
  await composer(page).fill('a draft being typed');
  await expect(composer(other)).toHaveValue('a draft being typed');
  await expect(other.getByRole('status').filter({ hasText: 'Typing in another tab' })).toBeVisible();
  await composer(page).fill('');
  await expect(composer(other)).toHaveValue('');

  // A message sent in the second tab runs a turn that both tabs watch live.
  await sendMessage(other, 'slow: watched from two tabs');
  for (const tab of [page, other]) {
    await expect(tab.getByText('slow: watched from two tabs').first()).toBeVisible();
    await expect(card(agentTurns(tab).last(), /^Command: sleep 60/)).toBeVisible({ timeout: 120_000 });
    await expect(agentTurns(tab).last()).toHaveAttribute('data-state', /running|awaiting-permission/);
  }
  await saveScreenshot(page, 'two-tabs-first');
  await saveScreenshot(other, 'two-tabs-second');
  await agentTurns(page).last().getByRole('button', { name: /Interrupt/ }).click();
  await waitForTurnState(agentTurns(other).last(), 'cancelled');
});
