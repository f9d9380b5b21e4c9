import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VirtuosoMockContext } from 'react-virtuoso';
import { describe, expect, it } from 'vitest';
import { createEventLog } from '../../fixtures/build.js';
import { selectThread, selectThreadMessages } from '../../stores/chat/index.js';
import { deriveCapabilities } from '../../src/protocol/index.js';
import { ACCOUNT, DEMO_AGENT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { ConnectionIndicator } from '../room/ConnectionIndicator.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { CodexThread } from './CodexThread.js';

const ROOT = isoAgo(3_600_000);
const THREAD = String(Date.parse(ROOT));
const reply = (msAfter: number, sender: string, text: string, extra: Record<string, unknown> = {}) =>
  chatRow(new Date(Date.parse(ROOT) + msAfter).toISOString(), sender, text, { reply_to: ROOT, ...extra });

// Virtuoso measures the DOM, which jsdom does not lay out; its test context supplies the sizes.
const withSizes = (ui: React.ReactElement) => <VirtuosoMockContext.Provider value={{ viewportHeight: 600, itemHeight: 60 }}>{ui}</VirtuosoMockContext.Provider>;
// Virtuoso keeps the list hidden until the scroll to the newest message has happened; jsdom does
// not scroll, so send the scroll event a browser would.
async function settleScroll() {
  await waitFor(() => {
    // The list opens as a plain tail of the newest rows; wait for the hand-over to Virtuoso (useTailFirst).
    expect(document.querySelector('.cc-message-tail')).toBeNull();
    const scroller = document.querySelector('[data-virtuoso-scroller]');
    if (scroller) act(() => void fireEvent.scroll(scroller));
    const list = document.querySelector<HTMLElement>('[data-testid="virtuoso-item-list"]');
    expect(list?.children.length).toBeGreaterThan(0);
    expect(list?.style.visibility).not.toBe('hidden');
  });
}

/** The list opens as a plain tail of the newest rows; Virtuoso takes over once it is ready (useTailFirst). */
async function virtualScroller(): Promise<HTMLElement> {
  return waitFor(() => {
    expect(document.querySelector('.cc-message-tail')).toBeNull();
    const scroller = document.querySelector<HTMLElement>('[data-virtuoso-scroller]');
    expect(scroller?.style.visibility).not.toBe('hidden');
    return scroller as HTMLElement;
  });
}

/** What a browser does when the reader scrolls: a new scrollTop, then a scroll event. */
function scrollTo(scroller: HTMLElement, top: number) {
  act(() => {
    scroller.scrollTop = top;
    fireEvent.scroll(scroller);
  });
}

describe('CodexThread', () => {
  it('lets you edit your own message only, never an agent output or someone else', async () => {
    const user = userEvent.setup();
    const rows = [
      chatRow(ROOT, ACCOUNT, 'my question', { acp_config: { agent: 'demo' } }),
      reply(1000, 'demo', 'agent answer', { acp_account_id: ACCOUNT, acp_turn: { id: 'turn-x', state: 'completed' } }),
      reply(2000, 'bob', 'bob says hi'),
    ];
    const { renderInRoom, chat } = await setupRoom({ rows });
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    await settleScroll();
    const mine = screen.getByRole('article', { name: 'Message from You' });
    expect(within(screen.getByRole('article', { name: 'Message from Demo agent' })).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(screen.getByRole('article', { name: 'Message from bob' })).queryByRole('button', { name: 'Edit' })).toBeNull();
    // feedback is offered on others' messages, not on your own
    expect(within(mine).queryByRole('button', { name: 'Helpful' })).toBeNull();
    expect(within(screen.getByRole('article', { name: 'Message from Demo agent' })).getByRole('button', { name: 'Helpful' })).toBeInTheDocument();
    // the agent's answer is visible even though its turn log is not loaded
    expect(screen.getByText('agent answer')).toBeInTheDocument();

    await user.click(within(mine).getByRole('button', { name: 'Edit' }));
    const editor = screen.getByRole('textbox', { name: 'Edit message' });
    await user.clear(editor);
    await user.type(editor, 'my better question{Enter}');
    await waitFor(() => expect(within(screen.getByRole('article', { name: 'Message from You' })).getByText('my better question')).toBeInTheDocument());
    const [root] = selectThreadMessages(chat.getState(), THREAD);
    expect(root.history.map((entry) => entry.content)).toEqual(['my better question', 'my question']);
    expect(within(screen.getByRole('article', { name: 'Message from You' })).getByText('(edited)')).toBeInTheDocument();
  });

  it('cancels an edit with Escape and keeps the text', async () => {
    const user = userEvent.setup();
    const { renderInRoom } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'keep me')] });
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    await settleScroll();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.type(screen.getByRole('textbox', { name: 'Edit message' }), ' changed{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull();
    expect(within(screen.getByRole('article', { name: 'Message from You' })).getByText('keep me')).toBeInTheDocument();
  });

  it('records feedback on a message as the account reaction', async () => {
    const user = userEvent.setup();
    const { renderInRoom, syncdb } = await setupRoom({ rows: [chatRow(ROOT, 'bob', 'useful?')] });
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    await settleScroll();
    await user.click(screen.getByRole('button', { name: 'Helpful' }));
    await waitFor(() => expect(syncdb.get_one({ event: 'chat', date: ROOT, sender_id: 'bob' })?.feedback).toEqual({ [ACCOUNT]: 'positive' }));
    expect(screen.getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('renders a 1,000-message thread virtualized: few rows, opening at the newest', async () => {
    const rows = [chatRow(ROOT, ACCOUNT, 'message 0', { name: 'Big thread' }), ...Array.from({ length: 999 }, (_, index) => reply((index + 1) * 1000, index % 2 ? ACCOUNT : 'bob', `message ${index + 1}`))];
    const { renderInRoom } = await setupRoom({ rows });
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    // a long list scrolls to its end by itself; no scroll event needed
    await waitFor(() => expect(screen.getByText('message 999')).toBeInTheDocument());
    await virtualScroller();
    expect(screen.getByText('message 999')).toBeInTheDocument();
    const rendered = screen.getAllByRole('article').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    expect(screen.queryByText('message 0')).toBeNull();
  });

  it('jumps to the newest message when you send one while scrolled up', async () => {
    const rows = [chatRow(ROOT, ACCOUNT, 'message 0', { name: 'Long thread' }), ...Array.from({ length: 199 }, (_, index) => reply((index + 1) * 1000, 'bob', `message ${index + 1}`))];
    const { renderInRoom, room } = await setupRoom({ rows });
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    await waitFor(() => expect(screen.getByText('message 199')).toBeInTheDocument());
    const scroller = await virtualScroller();
    // jsdom has no layout: give the scroller the sizes a browser would, then scroll to the top.
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => 200 * 60 });
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => 600 });
    scrollTo(scroller, 200 * 60 - 600);
    scrollTo(scroller, 0);
    await waitFor(() => expect(screen.getByText('message 0')).toBeInTheDocument());
    await screen.findByRole('button', { name: 'Jump to newest' });
    await act(() => room.getState().sendMessage(THREAD, { text: 'my new message' }));
    await waitFor(() => expect(screen.getByText('my new message')).toBeInTheDocument());
  });

  it('keeps following when the content grows under the reader; stops only when they scroll up', async () => {
    const rows = [chatRow(ROOT, ACCOUNT, 'message 0'), ...Array.from({ length: 199 }, (_, index) => reply((index + 1) * 1000, 'bob', `message ${index + 1}`))];
    const { renderInRoom } = await setupRoom({ rows });
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    await waitFor(() => expect(screen.getByText('message 199')).toBeInTheDocument());
    const scroller = await virtualScroller();
    let height = 200 * 60;
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => height });
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => 600 });
    scrollTo(scroller, height - 600);
    // a streaming turn (or a card opening) makes the list taller; the reader did not move
    height += 1000;
    scrollTo(scroller, scroller.scrollTop);
    expect(screen.queryByRole('button', { name: 'Jump to newest' })).toBeNull();
    scrollTo(scroller, 3000);
    await screen.findByRole('button', { name: 'Jump to newest' });
    scrollTo(scroller, height - 600);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Jump to newest' })).toBeNull());
  });

  it('keeps the running turn\'s Interrupt in the thread title bar', async () => {
    const rows = [
      chatRow(ROOT, ACCOUNT, 'long job', { acp_config: { agent: 'demo' } }),
      reply(1000, 'demo', '', { generating: true, acp_account_id: ACCOUNT, acp_turn: { id: 't-live', state: 'running' } }),
    ];
    const { renderInRoom, fake, stores } = await setupRoom({ rows, handlers: { 'turn.interrupt': () => ({}) } });
    const log = createEventLog(Date.now());
    log.status('running');
    stores.turns.getState().ingestEvents('t-live', log.events);
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    const titleBar = screen.getByRole('heading', { name: 'long job' }).closest('header') as HTMLElement;
    await userEvent.click(within(titleBar).getByRole('button', { name: /Interrupt/ }));
    await waitFor(() => expect(fake.callsOf('turn.interrupt')).toEqual([{ turnId: 't-live' }]));
  });

  it('renders hostile message text and thread names inert', async () => {
    const hostile = '<script>window.hacked = 1</script> <img src=x onerror="window.hacked = 2"> [click](javascript:window.hacked=3)';
    const { renderInRoom } = await setupRoom({ rows: [chatRow(ROOT, 'mallory', hostile, { name: '<b onmouseover="x()">evil</b>' }), reply(1000, 'mallory', hostile)] });
    const view = renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    await settleScroll();
    expect(view.container.querySelector('script, img, b[onmouseover]')).toBeNull();
    expect([...view.container.querySelectorAll('a')].some((link) => link.getAttribute('href')?.startsWith('javascript:'))).toBe(false);
    expect(screen.getByRole('heading', { name: '<b onmouseover="x()">evil</b>' })).toBeInTheDocument();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('opens its own chat when none is open, and says so when the document cannot be opened', async () => {
    const { renderInRoom, room } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'opened by the thread')], open: false });
    expect(room.getState().chat).toBeNull();
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    await screen.findByRole('heading', { name: 'opened by the thread' });

    renderWithRuntime(<CodexThread threadKey={THREAD} path="gone.chat" />, createTestRuntime());
    await screen.findByText('Could not open gone.chat: [test] this runtime has no chat documents');
  });

  it("reads the agent's capability record: no session fork, no images", async () => {
    const { renderInRoom, stores } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'capable?', { acp_config: { agent: 'demo' } })] });
    const capabilities = deriveCapabilities({ protocolVersion: 1, agentCapabilities: { loadSession: true } });
    // acceptsImages says yes; the record the agent reported says no, and wins.
    act(() => stores.session.setState((draft) => void (draft.agents = [{ ...DEMO_AGENT, acceptsImages: true, capabilities }])));
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    expect(await screen.findByRole('button', { name: /Fork thread/ })).toHaveAttribute('title', 'This agent cannot fork its session: the fork starts a new agent session.');
    const image = new File([new Uint8Array([137, 80, 78, 71])], 'shot.png', { type: 'image/png' });
    fireEvent.paste(screen.getByRole('combobox', { name: 'Message' }), { clipboardData: { files: [image], getData: () => '' } });
    await screen.findByText('This agent does not accept images.');
  });

  it('marks the thread read when it is opened', async () => {
    const { renderInRoom, chat } = await setupRoom({ rows: [chatRow(ROOT, 'bob', 'one'), reply(1000, 'bob', 'two')] });
    expect(selectThread(chat.getState(), THREAD)?.unreadCount).toBe(2);
    renderInRoom(withSizes(<CodexThread threadKey={THREAD} path="work/a.chat" />));
    await settleScroll();
    await waitFor(() => expect(selectThread(chat.getState(), THREAD)?.unreadCount).toBe(0));
  });
});

describe('ConnectionIndicator', () => {
  it('shows connected, then reconnecting with the attempt', async () => {
    const { renderInRoom, fake } = await setupRoom();
    renderInRoom(<ConnectionIndicator />);
    expect(screen.getByRole('status')).toHaveTextContent('Connected');
    act(() => fake.setConnection({ type: 'reconnecting', attempt: 2 }));
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting… (attempt 2)');
  });
});
