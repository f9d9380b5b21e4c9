// Scenario 3: interrupting a slow command shows "Stopping..." and then the stopped turn. The time
// from the click to "Stopped" is recorded as an annotation (tests check behaviour; the number is
// for the report, the hub's kill timer is what bounds it).
import type { Page } from '@playwright/test';
import { agentTurns, card, createChat, openApp, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

// Records every interrupt-status text the header shows, with its time, so a brief "Stopping..."
// cannot slip between two polls.
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Array<{ text: string; at: number }> = [];
    (window as unknown as { __statuses: typeof seen }).__statuses = seen;
    const note = () => {
      for (const element of document.querySelectorAll('.cc-turn-header [role="status"]')) {
        const text = element.textContent ?? '';
        if (seen[seen.length - 1]?.text !== text) seen.push({ text, at: performance.now() });
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

for (const { name, prompt, command, outcome, finalState, notice } of [
  { name: 'a slow command that honours the cancel', prompt: 'slow please', command: /^Command: sleep 60/, outcome: /^Stopped$/, finalState: 'cancelled', notice: null },
  // The hub kills the agent 3 s after session/cancel and says so in a notice.
  { name: 'a stubborn agent that ignores it (the hub kills it)', prompt: 'stubborn please', command: /I am stubborn/, outcome: /^Killed \(the agent did not stop\)$/, finalState: /^(cancelled|failed)$/, notice: /its process was killed/ },
]) {
  test(`interrupt ${name}: "Stopping..." then the outcome`, async ({ page, hub, saveScreenshot }, testInfo) => {
    await openApp(page, hub);
    await createChat(page, 'interrupt.chat');
    await startAgentThread(page);
    await sendMessage(page, prompt);
    const turn = agentTurns(page).last();
    // Wait until the agent is really busy (the command card, or the stubborn agent's first words).
    await expect(card(turn, command).or(turn.getByText(command)).first()).toBeVisible({ timeout: 120_000 });
    await recordStatuses(page);
    const clickedAt = await page.evaluate(() => performance.now());
    await turn.getByRole('button', { name: /Interrupt/ }).click();
    await waitForTurnState(turn, finalState);
    await expect(turn.locator('.cc-turn-header [role="status"]')).toHaveText(outcome);
    const statuses = await page.evaluate(() => (window as unknown as { __statuses: Array<{ text: string; at: number }> }).__statuses);
    const texts = statuses.map((status) => status.text);
    expect(texts).toContain('Stopping...');
    expect(texts.indexOf('Stopping...')).toBeLessThan(texts.findIndex((text) => outcome.test(text)));
    const stoppedAt = statuses.find((status) => outcome.test(status.text))!.at;
    if (notice) {
      await turn.getByRole('button', { name: /Show activity/ }).click();
      await expect(turn).toContainText(notice);
    }
    testInfo.annotations.push({ type: 'click to outcome (ms)', description: String(Math.round(stoppedAt - clickedAt)) });
    await saveScreenshot(page, `interrupt-${notice ? 'killed' : 'stopped'}`);
  });
}
