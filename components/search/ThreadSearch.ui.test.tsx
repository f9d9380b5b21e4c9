import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectThreadMessages } from '../../stores/chat/index.js';
import { CodexProvider } from '../../stores/provider.js';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { cardKey } from '../../stores/view/index.js';
import { ThreadView } from '../thread/ThreadView.js';
import { CURRENT_HIGHLIGHT, MATCH_HIGHLIGHT } from './highlight-ranges.js';
import { ThreadSearchBar } from './ThreadSearchBar.js';

const ROOT = isoAgo(60_000);
const THREAD = String(Date.parse(ROOT));
const rows = () => [
  chatRow(ROOT, ACCOUNT, 'Please build it', { acp_config: { agent: 'demo' } }),
  chatRow(isoAgo(50_000), 'demo', 'Built.', { reply_to: ROOT, acp_account_id: ACCOUNT, acp_turn: { id: 'turn-a', state: 'completed' } }),
  chatRow(isoAgo(40_000), ACCOUNT, 'did the build print a warning?', { reply_to: ROOT }),
];
// The terminal of turn-a printed "build ok" far down its output (not in the last lines).
const terminalEvents = [
  { seq: 0, t: 1, type: 'update', update: { sessionUpdate: 'tool_call', toolCallId: 'call-1', title: 'make', kind: 'execute', status: 'in_progress', rawInput: { command: ['make'] } } },
  { seq: 1, t: 2, type: 'update', update: { sessionUpdate: 'tool_call_update', toolCallId: 'call-1', status: 'completed', _meta: { terminal_output: { data: `build ok\n${'line\n'.repeat(40)}` }, terminal_exit: { exit_code: 0, signal: null } } } },
];

// jsdom has no CSS Custom Highlight API: a registry that keeps what was painted, as Chromium's does.
class FakeHighlight {
  ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}
const painted = new Map<string, FakeHighlight>();
beforeEach(() => {
  painted.clear();
  Object.assign(globalThis, { Highlight: FakeHighlight });
  Object.assign(globalThis.CSS ?? Object.assign(globalThis, { CSS: {} }).CSS, { highlights: painted });
});
afterEach(() => {
  delete (globalThis as { Highlight?: unknown }).Highlight;
});

describe('thread search', () => {
  it('Ctrl+F in the thread pane opens the bar; it counts matches in messages and terminal output, steps, and Esc closes it', async () => {
    const user = userEvent.setup();
    const { renderInRoom, stores } = await setupRoom({ rows: rows() });
    stores.turns.getState().ingestEvents('turn-a', terminalEvents as never);
    renderInRoom(<ThreadView threadKey={THREAD} path="work/a.chat" />);
    expect(screen.queryByRole('search', { name: 'Search in thread' })).toBeNull();
    fireEvent.keyDown(screen.getByRole('heading', { level: 4 }).closest('.cc-thread-view')!, { key: 'f', ctrlKey: true });
    const input = await screen.findByRole('textbox', { name: 'Search in thread' });
    expect(input).toHaveFocus();
    await user.type(input, 'BUILD');
    // The root's text, the turn's terminal output ("build ok") and the last message.
    const count = screen.getByLabelText('Search matches');
    await waitFor(() => expect(count).toHaveTextContent('3 of 3'));
    // Starts at the newest match; Enter wraps to the first, Shift+Enter goes back.
    await user.keyboard('{Enter}');
    expect(count).toHaveTextContent('1 of 3');
    await user.keyboard('{Enter}');
    expect(count).toHaveTextContent('2 of 3');
    // The terminal match opened its turn's fold, its card and its full output.
    const view = stores.view.getState();
    expect(view.foldOpen['turn-a']).toBe(true);
    expect(view.expanded[cardKey('turn-a', 'call-1')]).toBe(true);
    expect(view.fullOutput[cardKey('turn-a', 'call-1')]).toBe(true);
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(count).toHaveTextContent('1 of 3');
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(count).toHaveTextContent('3 of 3');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('search', { name: 'Search in thread' })).toBeNull();
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    const { renderInRoom } = await setupRoom({ rows: rows() });
    renderInRoom(<ThreadView threadKey={THREAD} path="work/a.chat" />);
    fireEvent.keyDown(screen.getByRole('heading', { level: 4 }).closest('.cc-thread-view')!, { key: 'F3' });
    await user.type(await screen.findByRole('textbox', { name: 'Search in thread' }), 'zebra');
    await waitFor(() => expect(screen.getByLabelText('Search matches')).toHaveTextContent('No matches'));
    expect(screen.getByRole('button', { name: 'Next match' })).toBeDisabled();
  });

  it('scrolls the list to the match and highlights it (and every rendered match) with the Highlight API', async () => {
    const { runtime, chat } = await setupRoom({ rows: rows() });
    const messages = selectThreadMessages(chat.getState(), THREAD);
    // The list as rendered rows would be: an article per message, keyed like MessageRow's.
    const list = document.createElement('div');
    list.innerHTML = messages.map((message) => `<article data-key="${message.key}"><div class="cc-markdown">${message.history[0].content}</div></article>`).join('');
    document.body.append(list);
    const scrolled: number[] = [];
    render(
      <CodexProvider runtime={runtime}>
        <ThreadSearchBar messages={messages} scrollTo={(index) => scrolled.push(index)} listRoot={() => list} onClose={() => {}} initialQuery="build" initialMessageKey={messages[0].key} />
      </CodexProvider>,
    );
    await waitFor(() => expect(painted.get(CURRENT_HIGHLIGHT)?.ranges[0].toString()).toBe('build'));
    expect(scrolled).toEqual([0]);
    expect(painted.get(CURRENT_HIGHLIGHT)!.ranges[0].startContainer.parentElement!.closest('article')).toBe(list.firstElementChild);
    expect(painted.get(MATCH_HIGHLIGHT)!.ranges).toHaveLength(2);
    expect(screen.getByLabelText('Search matches')).toHaveTextContent('1 of 2');
    list.remove();
  });
});
