// Scenario 4: reloading the page at random moments of a turn (at least 10) changes nothing: the
// cards after the reloads equal those of an uninterrupted run, nothing missing, nothing doubled.
import { agentTurns, createChat, openApp, selectThread, sendMessage, startAgentThread } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';
import { approvePending, cardsOf, finishedCards } from '../fixtures/turn-cards.js';

const RELOADS_DURING_TURN = 10;

// A small seeded generator, so a failing run can be replayed with the same reload moments.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('reloading during a turn shows the same cards as an uninterrupted run', async ({ page, hub, saveScreenshot }, testInfo) => {
  await openApp(page, hub);
  await createChat(page, 'reload.chat');

  // The reference: the same kind of turn, watched without interruption.
  await startAgentThread(page);
  await sendMessage(page, 'note alpha');
  const reference = agentTurns(page).last();
  await expect(reference.getByRole('group', { name: 'Approval options' })).toBeVisible({ timeout: 120_000 });
  await approvePending(reference);
  const expected = await finishedCards(reference);
  expect(expected.cards.length).toBeGreaterThan(4);
  testInfo.annotations.push({ type: 'cards', description: expected.cards.join(' | ') });

  await startAgentThread(page);
  await sendMessage(page, 'note beta');
  const seed = Date.now() % 100_000;
  testInfo.annotations.push({ type: 'reload seed', description: String(seed) });
  const random = seededRandom(seed);
  let reloadsDuringTurn = 0;
  let approved = false;
  const deadline = Date.now() + 150_000;
  // Reload at random moments: while the turn streams, while it waits for the approval, and (after
  // approving once 10 reloads are done) while it finishes.
  while (Date.now() < deadline) {
    const turn = agentTurns(page).last();
    await expect(turn).toBeVisible({ timeout: 60_000 });
    // Every card seen mid-turn must be there once, never a second copy.
    const now = await cardsOf(turn);
    expect(new Set(now).size, `duplicate cards after reload ${reloadsDuringTurn}: ${now.join(' | ')}`).toBe(now.length);
    if (!approved && reloadsDuringTurn >= RELOADS_DURING_TURN && (await approvePending(turn))) approved = true;
    await page.waitForTimeout(Math.floor(random() * 400)); // the random moment of the next reload
    if ((await turn.getAttribute('data-state')) === 'completed') break;
    await page.reload();
    reloadsDuringTurn += 1;
    // The page reopens the chat; the thread is picked again from the list, as a user would.
    await selectThread(page, /note beta/);
  }
  expect(reloadsDuringTurn).toBeGreaterThanOrEqual(RELOADS_DURING_TURN);
  expect(approved).toBe(true);
  const turn = agentTurns(page).last();
  const actual = await finishedCards(turn);
  expect(actual.cards).toEqual(expected.cards);
  expect(actual.answer).toBe(expected.answer);
  await saveScreenshot(page, 'reload');
});
