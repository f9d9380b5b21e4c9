import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Sidebar } from './Sidebar.js';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';

/** The sidebar's content comes once the first screen has been painted (see Sidebar). */
const sidebarShown = () => waitFor(() => expect(document.querySelector('.cc-sidebar')?.childElementCount).toBeGreaterThan(0));

const HOUR = 3_600_000;
/** The sidebar button of the thread labelled `label`. */
const threadButton = (label: string) => screen.getByText(label).closest('button') as HTMLElement;
const DAY = 24 * HOUR;

function sampleRows() {
  const today = isoAgo(HOUR);
  const agentRoot = isoAgo(2 * HOUR);
  return [
    chatRow(today, ACCOUNT, 'Today thread', { [`read-${ACCOUNT}`]: 1 }),
    chatRow(isoAgo(HOUR - 1000), 'bob', 'reply one', { reply_to: today }),
    chatRow(isoAgo(HOUR - 2000), 'bob', 'reply two', { reply_to: today }),
    chatRow(agentRoot, ACCOUNT, 'Agent at work', { acp_config: { agent: 'demo' }, [`read-${ACCOUNT}`]: 2 }),
    chatRow(isoAgo(2 * HOUR - 1000), 'demo', 'thinking', { reply_to: agentRoot, generating: true, acp_account_id: ACCOUNT, acp_turn: { id: 't-live', state: 'running' } }),
    chatRow(isoAgo(30 * HOUR), 'bob', 'Yesterday thread'),
    chatRow(isoAgo(3 * DAY), ACCOUNT, 'This week thread', { [`read-${ACCOUNT}`]: 1 }),
    chatRow(isoAgo(30 * DAY), ACCOUNT, 'Old thread', { [`read-${ACCOUNT}`]: 1 }),
    chatRow(isoAgo(40 * DAY), ACCOUNT, 'Pinned thread', { pin: true, [`read-${ACCOUNT}`]: 1 }),
  ];
}

describe('Sidebar', () => {
  it('groups threads into pinned, today, yesterday, last 7 days and older', async () => {
    const { renderInRoom } = await setupRoom({ rows: sampleRows() });
    renderInRoom(<Sidebar />);
    await sidebarShown();
    const nav = screen.getByRole('navigation', { name: 'Threads' });
    const sections = within(nav).getAllByRole('region');
    expect(sections.map((section) => section.getAttribute('aria-label'))).toEqual(['Pinned', 'Today', 'Yesterday', 'Last 7 Days', 'Older']);
    const labels = (name: string) => within(screen.getByRole('region', { name })).getAllByRole('button', { name: /^(?!Actions)/ }).map((button) => button.textContent);
    expect(labels('Pinned')).toEqual(['Pinned thread']);
    expect(labels('Today')[0]).toContain('Today thread');
    expect(labels('Today')[1]).toContain('Agent at work');
    expect(labels('Older')).toEqual(['Old thread']);
  });

  it('shows unread counts, the demo badge and the live indicator of a working agent', async () => {
    const { renderInRoom } = await setupRoom({ rows: sampleRows() });
    renderInRoom(<Sidebar />);
    await sidebarShown();
    expect(screen.getByLabelText('2 unread')).toBeInTheDocument(); // 3 messages, 1 read
    expect(screen.getByLabelText('1 unread')).toBeInTheDocument(); // yesterday's thread, never read
    const agentItem = threadButton('Agent at work');
    expect(within(agentItem).getByText('Demo')).toBeInTheDocument();
    expect(within(agentItem).getByLabelText('agent working')).toBeInTheDocument();
    expect(within(threadButton('Old thread')).queryByLabelText('agent working')).toBeNull();
  });

  it('selects a thread, then pins and renames it through the document', async () => {
    const user = userEvent.setup();
    const { renderInRoom, room, syncdb } = await setupRoom({ rows: sampleRows() });
    renderInRoom(<Sidebar />);
    await sidebarShown();
    await user.click(threadButton('Old thread'));
    expect(threadButton('Old thread')).toHaveAttribute('aria-current', 'true');
    const oldRoot = syncdb.get().find((row) => (row.history as Array<{ content: string }>)[0].content === 'Old thread')!;
    expect(room.getState().selectedThreadKey).toBe(String(Date.parse(oldRoot.date as string)));

    await user.click(screen.getByRole('button', { name: 'Actions for Old thread' }));
    await user.click(await screen.findByText('Pin'));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Pinned' })).getByText('Old thread')).toBeInTheDocument());
    expect(syncdb.get_one({ event: 'chat', date: oldRoot.date, sender_id: ACCOUNT })?.pin).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Actions for Old thread' }));
    await user.click(await screen.findByText('Rename'));
    const input = screen.getByRole('textbox', { name: 'Thread name' });
    await user.clear(input);
    await user.type(input, 'Renamed thread{Enter}');
    expect(await screen.findByText('Renamed thread')).toBeInTheDocument();
    expect(syncdb.get_one({ event: 'chat', date: oldRoot.date, sender_id: ACCOUNT })?.name).toBe('Renamed thread');
  });

  it('deletes a thread after confirmation', async () => {
    const user = userEvent.setup();
    const { renderInRoom, fake } = await setupRoom({ rows: sampleRows(), handlers: { 'logs.delete': () => ({ deleted: 0 }) } });
    renderInRoom(<Sidebar />);
    await sidebarShown();
    await user.click(screen.getByRole('button', { name: 'Actions for Yesterday thread' }));
    await user.click(await screen.findByText('Delete'));
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('Yesterday thread')).toBeNull());
    expect(fake.callsOf('logs.delete')).toHaveLength(1);
  });

  it('lists the chat files and creates a new chat', async () => {
    const user = userEvent.setup();
    const { renderInRoom, fake } = await setupRoom({ handlers: { 'chat.create': ({ path }) => ({ path }) } });
    renderInRoom(<Sidebar />);
    await sidebarShown();
    await user.click(screen.getByRole('button', { name: /New chat$/ }));
    await user.type(screen.getByRole('textbox', { name: 'New chat file name' }), 'ideas{Enter}');
    await waitFor(() => expect(fake.callsOf('chat.create')).toEqual([{ path: 'ideas.chat' }]));
  });
});
