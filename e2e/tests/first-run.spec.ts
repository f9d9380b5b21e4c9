// Scenario 1: a new user opens the printed URL, creates an agent thread with the demo agent, sends
// a prompt and watches the turn: reasoning, a plan, a terminal card with output, a permission they
// approve, a diff card; the final answer stays visible and the context meter shows.
import { agentTurns, card, createChat, openApp, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

test('first run: demo agent turn with reasoning, plan, command, approval, diff, answer and context meter', async ({ page, hub, saveScreenshot }) => {
  await openApp(page, hub);
  await createChat(page, 'first-run.chat');
  await startAgentThread(page);
  await sendMessage(page, 'Please note that the build is green');

  const turn = agentTurns(page).last();
  // The demo's `full` turn blocks on the permission before its edit: everything before it is on screen.
  const permission = card(turn, /^Permission request/);
  await expect(permission).toBeVisible({ timeout: 120_000 });
  await expect(card(turn, 'Reasoning')).toBeVisible();
  await expect(card(turn, 'Plan')).toBeVisible();
  const terminal = card(turn, /^Command: ls -la/);
  await expect(terminal).toContainText('green');
  await expect(terminal).toContainText('exit 0');
  await saveScreenshot(page, 'first-run-permission');

  await permission.getByRole('group', { name: 'Approval options' }).getByRole('button').first().click();
  await waitForTurnState(turn, 'completed');

  const answer = turn.getByLabel('Final answer');
  await expect(answer).toContainText('Done: demo-notes.md has a new line.');
  await expect(page.getByRole('meter', { name: 'Context left' }).first()).toBeVisible();
  // After the turn the activity folds away; opening it shows the diff of the real edit.
  await turn.getByRole('button', { name: /Show activity/ }).click();
  const diff = card(turn, /^Edit:/);
  await expect(diff).toContainText('demo-notes.md');
  await expect(diff).toContainText('the build is green');
  await expect(permission).toContainText(/approved/);
  await expect(answer).toBeVisible();
  await saveScreenshot(page, 'first-run');
});
