import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
