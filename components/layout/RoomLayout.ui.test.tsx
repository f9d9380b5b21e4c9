// Below 900 px the sidebar is a drawer behind the header's menu button, closed when a thread is
// picked. jsdom has no layout and no matchMedia: the window's width comes from stubMatchMedia, the
// one stand-in; the room, its document and its stores are the real ones.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { ChatRoom } from '../room/ChatRoom.js';
import { NARROW_QUERY } from './RoomLayout.js';
import { stubMatchMedia, type MatchMediaStub } from './testing/stub-match-media.js';

const HOUR = 3_600_000;
let media: MatchMediaStub | null = null;
afterEach(() => media?.restore());

const rows = () => [chatRow(isoAgo(2 * HOUR), ACCOUNT, 'First thread'), chatRow(isoAgo(HOUR), ACCOUNT, 'Second thread')];
const threads = () => screen.queryByRole('navigation', { name: 'Threads' });

describe('RoomLayout in ChatRoom', () => {
  it('shows the sidebar beside the thread on a wide window, with no menu button', async () => {
    media = stubMatchMedia({ [NARROW_QUERY]: false });
    const { renderInRoom } = await setupRoom({ rows: rows() });
    renderInRoom(<ChatRoom />);
    await waitFor(() => expect(threads()).toBeVisible()); // the sidebar's content comes after the first paint
    expect(document.querySelector('.cc-chat-room')).toHaveAttribute('data-layout', 'wide');
    expect(screen.queryByRole('button', { name: 'Open chats and threads' })).toBeNull();
  });

  it('puts the sidebar in a drawer below the breakpoint, closed again when a thread is picked', async () => {
    media = stubMatchMedia({ [NARROW_QUERY]: true });
    const user = userEvent.setup();
    const { renderInRoom, room } = await setupRoom({ rows: rows() });
    renderInRoom(<ChatRoom headerExtra={<span>extra</span>} />);
    expect(document.querySelector('.cc-chat-room')).toHaveAttribute('data-layout', 'narrow');
    expect(screen.getByText('extra')).toBeInTheDocument();
    // The drawer is rendered ahead (Ctrl/Cmd+K still finds the list) but not shown.
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Open chats and threads' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByRole('navigation', { name: 'Threads' })).toBeVisible();
    await user.click(within(drawer).getByText('Second thread'));
    expect(room.getState().selectedThreadKey).not.toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('heading', { name: 'Second thread' })).toBeInTheDocument();
  });

  it('switches layout when the window crosses the breakpoint', async () => {
    media = stubMatchMedia({ [NARROW_QUERY]: false });
    const { renderInRoom } = await setupRoom({ rows: rows() });
    renderInRoom(<ChatRoom />);
    act(() => media!.set(NARROW_QUERY, true));
    expect(screen.getByRole('button', { name: 'Open chats and threads' })).toBeInTheDocument();
    act(() => media!.set(NARROW_QUERY, false));
    expect(screen.queryByRole('button', { name: 'Open chats and threads' })).toBeNull();
  });
});
