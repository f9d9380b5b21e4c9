import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { Sidebar } from '../room/Sidebar.js';

/** The sidebar's content comes once the first screen has been painted (see Sidebar). */
const sidebarShown = () => waitFor(() => expect(document.querySelector('.cc-sidebar')?.childElementCount).toBeGreaterThan(0));

const FIRST = isoAgo(3_600_000);
const SECOND = isoAgo(7_200_000);
const REPLY = isoAgo(3_500_000);
const rows = () => [
  chatRow(FIRST, ACCOUNT, 'Deploy plan'),
  chatRow(REPLY, 'bob', 'the staging server needs a restart first', { reply_to: FIRST }),
  chatRow(SECOND, ACCOUNT, 'Server costs'),
  chatRow(isoAgo(7_100_000), 'bob', 'unrelated', { reply_to: SECOND }),
];

describe('sidebar search', () => {
  it('lists the threads whose name or messages match, with a snippet; picking one opens the thread at the match', async () => {
    const user = userEvent.setup();
    const { renderInRoom, room, stores } = await setupRoom({ rows: rows() });
    renderInRoom(<Sidebar />);
    await sidebarShown();
    await user.type(screen.getByRole('searchbox', { name: 'Search the chat' }), 'server');
    const results = await screen.findByRole('list', { name: 'Search results' });
    const hits = within(results).getAllByRole('button');
    expect(hits.map((hit) => hit.textContent)).toEqual(['Deploy planthe staging server needs a restart first', 'Server costsServer costs']);
    await user.click(hits[0]);
    const firstKey = String(Date.parse(FIRST));
    expect(room.getState().selectedThreadKey).toBe(firstKey);
    expect(stores.view.getState().searchRequest).toEqual({ threadKey: firstKey, query: 'server', messageKey: String(Date.parse(REPLY)) });
  });

  it('says when no thread matches', async () => {
    const user = userEvent.setup();
    const { renderInRoom } = await setupRoom({ rows: rows() });
    renderInRoom(<Sidebar />);
    await sidebarShown();
    await user.type(screen.getByRole('searchbox', { name: 'Search the chat' }), 'zebra');
    expect(await screen.findByText('No thread matches.')).toBeInTheDocument();
  });
});
