// Issue 14 in Chromium: a real cluster (Postgres, nats-server, `codex-chat front`, project hosts h1
// and h2 as separate processes, the demo agent). Bo's project is on h2; he logs in on the front's
// login page. A page reloaded while a turn streams, while it waits for his approval and while it
// finishes shows the same cards as a turn watched without a reload: every event came back from the
// host's turn log through the front, none missing, none doubled.
import type { Locator, Page } from '@playwright/test';
import { agentTurns, createChat, selectThread, sendMessage, startAgentThread } from '../fixtures/chat-page.js';
import { logInPage, startCluster } from '../fixtures/start-cluster.js';
import { expect, test } from '../fixtures/test.js';
import { approvePending, cardsOf, finishedCards } from '../fixtures/turn-cards.js';

/** Reloads, picks the thread again from the list (as a user would); its last turn, with no card twice. */
async function reloadAndCheck(page: Page, thread: RegExp): Promise<Locator> {
  await page.reload();
  await selectThread(page, thread);
  const turn = agentTurns(page).last();
  await expect(turn).toBeVisible({ timeout: 60_000 });
  const cards = await cardsOf(turn);
  expect(new Set(cards).size, `a card twice after a reload: ${cards.join(' | ')}`).toBe(cards.length);
  return turn;
}

test('cluster: a page reloaded during a turn on host h2 misses no event', async ({ browser, saveScreenshot }) => {
  test.setTimeout(600_000);
  const cluster = await startCluster({ hosts: ['h1', 'h2'] });
  const contexts = [];
  try {
    const bo = await cluster.addMember('bo@example.com', 'Bo Brown');
    const project = await cluster.addProject('Beta', bo);
    expect(await cluster.moveProject(project.id, 'h2')).toContain('h2');
    expect((await cluster.admin(['hosts', 'list'])).split('\n').find((line) => line.startsWith('h2 '))).toMatch(/\bup\b.*\s1$/);
    const { context, page } = await logInPage(browser, cluster, bo);
    contexts.push(context);
    await page.getByRole('navigation', { name: 'Your projects' }).getByRole('link', { name: 'Open project Beta (owner)' }).click();
    await expect(page.getByRole('combobox', { name: 'Chat file' })).toBeVisible();
    await createChat(page, 'reload.chat');

    // The reference: the same kind of turn (reasoning, plan, command, approval, edit, messages), watched without a reload.
    await startAgentThread(page);
    await sendMessage(page, 'note alpha');
    const reference = agentTurns(page).last();
    await expect(reference.getByRole('group', { name: 'Approval options' })).toBeVisible({ timeout: 120_000 });
    await approvePending(reference);
    const expected = await finishedCards(reference);
    expect(expected.cards.length).toBeGreaterThan(4);

    await startAgentThread(page);
    await sendMessage(page, 'note beta');
    await expect(agentTurns(page).last()).toBeVisible({ timeout: 60_000 });
    await reloadAndCheck(page, /note beta/); // while it streams
    let turn = agentTurns(page).last();
    await expect(turn.getByRole('group', { name: 'Approval options' })).toBeVisible({ timeout: 120_000 });
    turn = await reloadAndCheck(page, /note beta/); // while it waits for the approval
    await expect(turn.getByRole('group', { name: 'Approval options' })).toBeVisible({ timeout: 60_000 });
    expect(await approvePending(turn)).toBe(true);
    turn = await reloadAndCheck(page, /note beta/); // while it finishes
    const actual = await finishedCards(turn);
    expect(actual.cards).toEqual(expected.cards);
    expect(actual.answer).toBe(expected.answer);
    await saveScreenshot(page, 'cluster-reload');
  } finally {
    for (const context of contexts) await context.close();
    await cluster.stop();
  }
});
