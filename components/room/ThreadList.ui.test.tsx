import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThreadList } from './ThreadList.js';
import { FIRST_ROWS } from './useRenderLimit.js';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';

// Three steps: FIRST_ROWS, then two more (the second step is 40 rows).
const THREADS = FIRST_ROWS + 41;

describe('ThreadList of a long chat', () => {
  it('renders the newest threads first and the rest in later steps, in order, until every thread is there', async () => {
    // Thread n is n minutes old, so the list shows them 0, 1, 2, ...
    const rows = Array.from({ length: THREADS }, (_, n) => chatRow(isoAgo(n * 60_000 + 1000), ACCOUNT, `Thread ${n}`));
    const { renderInRoom } = await setupRoom({ rows });
    renderInRoom(<ThreadList />);
    const items = () => within(screen.getByRole('navigation', { name: 'Threads' })).getAllByRole('listitem');
    expect(items()).toHaveLength(FIRST_ROWS);
    expect(items()[0]).toHaveTextContent('Thread 0');
    await waitFor(() => expect(items()).toHaveLength(THREADS), { timeout: 25_000 });
    expect(items().map((item) => within(item).getByText(/^Thread \d+$/).textContent)).toEqual(Array.from({ length: THREADS }, (_, n) => `Thread ${n}`));
  });
});

describe('ThreadList while the page opens', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('renders the rows after the first ones only once the browser is idle', async () => {
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => {});
    const rows = Array.from({ length: FIRST_ROWS + 5 }, (_, n) => chatRow(isoAgo(n * 60_000 + 1000), ACCOUNT, `Thread ${n}`));
    const { renderInRoom } = await setupRoom({ rows });
    renderInRoom(<ThreadList />);
    const items = () => within(screen.getByRole('navigation', { name: 'Threads' })).getAllByRole('listitem');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(items()).toHaveLength(FIRST_ROWS);
    expect(idle).toHaveLength(1);
    act(() => idle[0]());
    await waitFor(() => expect(items()).toHaveLength(FIRST_ROWS + 5));
  });

  it('shows no unread counts while the chat is still arriving (they are lower bounds), then the real ones', async () => {
    // One date for the root and the reply's reply_to: two isoAgo calls can fall in different milliseconds.
    const root = isoAgo(60_000);
    const rows = [chatRow(root, ACCOUNT, 'Unread thread'), chatRow(isoAgo(50_000), 'bob', 'a reply', { reply_to: root })];
    const { renderInRoom, chat } = await setupRoom({ rows });
    act(() => chat.setState({ loading: true }));
    renderInRoom(<ThreadList />);
    expect(screen.getByText('Unread thread')).toBeInTheDocument();
    expect(screen.queryByLabelText(/unread$/)).toBeNull();
    act(() => chat.setState({ loading: false }));
    expect(screen.getByLabelText('2 unread')).toHaveTextContent('2');
  });
});
