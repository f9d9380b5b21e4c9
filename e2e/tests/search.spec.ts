// Issue 15 item 3: search in a thread finds a line of terminal output in a turn far above, which
// the virtualized list had not rendered; it scrolls there, opens the card and highlights the text
// (CSS Custom Highlight API, read back from the page), visible in the viewport.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { agentTurns, composer, createChat, openApp, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

// The demo's `command` runs `ls -la` in the workspace: this file name becomes a line of its output.
const TARGET = 'search-target-line.txt';
test.use({ hubOptions: { prepare: (root: string) => writeFileSync(path.join(root, TARGET), '') } });

test('search finds a line of terminal output in a turn far above, scrolls to it and highlights it', async ({ page, hub, saveScreenshot }) => {
  await openApp(page, hub);
  await createChat(page, 'search.chat');
  await startAgentThread(page);
  await sendMessage(page, 'command');
  await waitForTurnState(agentTurns(page).last(), 'completed');
  // Many turns after it push the command's turn far above the viewport.
  for (let index = 0; index < 12; index += 1) {
    await sendMessage(page, `messages ${index}`);
    await waitForTurnState(agentTurns(page).last(), 'completed');
  }
  const list = page.locator('.cc-message-list');
  await expect(list.getByText('That was the listing.')).toHaveCount(0); // not rendered by the list
  await expect(list.getByText(TARGET)).toHaveCount(0);

  await composer(page).press('Control+f');
  const input = page.getByRole('textbox', { name: 'Search in thread' });
  await expect(input).toBeFocused();
  await input.fill('SEARCH-TARGET');
  await expect(page.getByLabel('Search matches')).toHaveText('1 of 1');

  // The card opened with the output, scrolled into view, and the match painted as the current highlight.
  await expect(list.getByText(TARGET)).toBeInViewport({ timeout: 30_000 });
  await expect
    .poll(() =>
      page.evaluate(() => {
        const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('cc-search-current');
        const range = highlight ? [...highlight][0] : undefined;
        if (!range) return null;
        const box = range.getBoundingClientRect();
        const view = document.querySelector('.cc-message-list')!.getBoundingClientRect();
        return { text: range.toString(), inView: box.height > 0 && box.top >= view.top && box.bottom <= view.bottom };
      }),
    )
    .toEqual({ text: 'search-target', inView: true });
  await saveScreenshot(page, 'search-terminal-output');

  await input.press('Escape');
  await expect(input).toBeHidden();
  await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
});
