// Issue 15 item 5: discarding one hunk of a demo edit (`edit2` changes demo-review.md in two places)
// from the diff card leaves the file on disk with only the kept hunk; the turn records the decision,
// so the "Review changes" panel of the footer shows it too.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { agentTurns, card, createChat, openApp, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

const SEED = `# Demo review\n${Array.from({ length: 11 }, (_, index) => `line ${index + 1}`).join('\n')}\n`;

test('discarding one hunk of a demo edit leaves the file with only the kept hunk', async ({ page, hub, saveScreenshot }) => {
  const file = path.join(hub.root, 'demo-review.md');
  await writeFile(file, SEED);
  await openApp(page, hub);
  await createChat(page, 'review.chat');
  await startAgentThread(page);
  await sendMessage(page, 'edit2 the review file');
  const turn = agentTurns(page).last();
  const permission = card(turn, /^Permission request/);
  await expect(permission).toBeVisible({ timeout: 120_000 });
  await permission.getByRole('group', { name: 'Approval options' }).getByRole('button').first().click();
  await waitForTurnState(turn, 'completed');
  expect(await readFile(file, 'utf8')).toContain('line 1 (changed at the top)');

  await turn.getByRole('button', { name: /Show activity/ }).click();
  const edit = card(turn, /^Edit: Edit demo-review\.md/);
  await expect(edit.getByRole('button', { name: 'Discard hunk 2' })).toBeVisible();
  await edit.getByRole('button', { name: 'Keep hunk 1' }).click();
  await expect(edit.getByText(/Hunk 1 kept by You/)).toBeVisible({ timeout: 30_000 });
  await edit.getByRole('button', { name: 'Discard hunk 2' }).click();
  await expect(edit.getByText(/Hunk 2 discarded by You/)).toBeVisible({ timeout: 30_000 });

  const text = await readFile(file, 'utf8');
  expect(text).toContain('line 1 (changed at the top)');
  expect(text).not.toContain('(changed at the bottom)');
  expect(text).toBe(SEED.replace('line 1\n', 'line 1 (changed at the top)\n'));
  await saveScreenshot(page, 'review-card');

  await turn.getByRole('button', { name: 'Review changes' }).click();
  const panel = page.getByRole('dialog', { name: 'Review changes' });
  await expect(panel.getByText(/Hunk 2 discarded by You/)).toBeVisible();
  await expect(panel).toContainText('2 hunks: 1 discarded, 1 kept');
  await saveScreenshot(page, 'review-panel');
});
