import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CODEX_COMMAND_OPTIONS, createEventLog } from '../../fixtures/build.js';
import { selectThreadList } from '../../stores/chat/index.js';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { Sidebar } from '../room/Sidebar.js';
import { ApprovalInbox } from './ApprovalInbox.js';

const HOUR = 3_600_000;

/** Two agent threads, each with a running turn, and an idle thread. */
function rows() {
  const alpha = isoAgo(2 * HOUR);
  const beta = isoAgo(HOUR);
  return [
    chatRow(alpha, ACCOUNT, 'Alpha thread', { acp_config: { agent: 'demo' } }),
    chatRow(isoAgo(2 * HOUR - 1000), 'demo', '', { reply_to: alpha, generating: true, acp_account_id: ACCOUNT, acp_turn: { id: 't-alpha', state: 'running' } }),
    chatRow(beta, ACCOUNT, 'Beta thread', { acp_config: { agent: 'demo' } }),
    chatRow(isoAgo(HOUR - 1000), 'demo', '', { reply_to: beta, generating: true, acp_account_id: ACCOUNT, acp_turn: { id: 't-beta', state: 'running' } }),
    chatRow(isoAgo(3 * HOUR), ACCOUNT, 'Idle thread'),
  ];
}

/** Alpha's turn waits on a command and on an edit; Beta's on one command. */
function turnLogs() {
  const alpha = createEventLog();
  alpha.status('running');
  alpha.permission('p-cmd', { toolCallId: 'c1', title: 'Run rm -rf build', kind: 'execute', rawInput: { command: ['rm', '-rf', 'build'] } }, CODEX_COMMAND_OPTIONS);
  alpha.permission('p-edit', { toolCallId: 'e1', title: 'Edit notes.md', kind: 'edit', content: [{ type: 'diff', path: 'notes.md', oldText: 'a\n', newText: 'b\n' }] }, CODEX_COMMAND_OPTIONS);
  alpha.status('awaiting-permission');
  const beta = createEventLog();
  beta.status('running');
  beta.permission('p-beta', { toolCallId: 'c2', title: 'Run npm test', kind: 'execute' }, CODEX_COMMAND_OPTIONS);
  beta.status('awaiting-permission');
  return { alpha, beta };
}

async function setup() {
  const { alpha, beta } = turnLogs();
  const room = await setupRoom({ rows: rows(), handlers: { 'permission.respond': () => ({}) } });
  for (const event of alpha.events) room.fake.pushTurnEvent('t-alpha', event);
  for (const event of beta.events) room.fake.pushTurnEvent('t-beta', event);
  room.renderInRoom(
    <>
      <ApprovalInbox />
      <Sidebar />
    </>,
  );
  return { ...room, alpha, beta };
}

const items = () => within(screen.getByRole('list', { name: 'Pending approvals' })).getAllByRole('listitem');

describe('ApprovalInbox', () => {
  it('counts every pending approval of every running thread and answers one with the thread card\'s call', async () => {
    const user = userEvent.setup();
    const { fake } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Approvals: 3 waiting' }));
    expect(items().map((item) => item.getAttribute('aria-label'))).toEqual([
      'Approval for Beta thread: Run npm test',
      'Approval for Alpha thread: Run rm -rf build',
      'Approval for Alpha thread: Edit notes.md',
    ]);
    // The edit names its file; the diff itself stays in the thread.
    expect(within(items()[2]).getByText('notes.md')).toBeInTheDocument();
    expect(items()[2].querySelector('.d2h-wrapper')).toBeNull();
    await user.click(within(items()[1]).getByRole('button', { name: 'Yes, proceed' }));
    expect(fake.callsOf('permission.respond')).toEqual([{ turnId: 't-alpha', requestId: 'p-cmd', optionId: 'allow_once' }]);
    expect(await within(items()[1]).findByText(/Answer sent/)).toBeInTheDocument();
  });

  it('drops an approval once the hub logs its decision (by whoever made it)', async () => {
    const user = userEvent.setup();
    const { fake, alpha } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Approvals: 3 waiting' }));
    const decided = { ...alpha.events[1], seq: alpha.events.length, state: 'selected', optionId: 'allow_once', decidedBy: 'bob', decidedAt: '2026-01-01T12:00:00.000Z' };
    act(() => fake.pushTurnEvent('t-alpha', decided as never));
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'Approvals: 2 waiting' })).toBeInTheDocument();
  });

  it('works from the keyboard: the shortcut opens it, arrows choose, a digit answers, Esc closes', async () => {
    const user = userEvent.setup();
    const { fake } = await setup();
    await screen.findByRole('button', { name: 'Approvals: 3 waiting' });
    await user.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
    const list = await screen.findByRole('list', { name: 'Pending approvals' });
    await waitFor(() => expect(list).toHaveFocus());
    expect(items()[0]).toHaveAttribute('aria-current', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(items()[2]).toHaveAttribute('aria-current', 'true');
    await user.keyboard('{ArrowUp}');
    expect(items()[1]).toHaveAttribute('aria-current', 'true');
    await user.keyboard('3');
    expect(fake.callsOf('permission.respond')).toEqual([{ turnId: 't-alpha', requestId: 'p-cmd', optionId: 'cancel' }]);
    // A second digit on the same (already answered) approval sends nothing more.
    await user.keyboard('1');
    expect(fake.callsOf('permission.respond')).toHaveLength(1);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Pending approvals' })).toBeNull());
  });

  it('opens the thread of an approval', async () => {
    const user = userEvent.setup();
    const { room, chat } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Approvals: 3 waiting' }));
    await user.click(within(items()[0]).getByRole('button', { name: 'Open thread' }));
    expect(room.getState().selectedThreadKey).toBe(selectThreadList(chat.getState()).find((thread) => thread.label === 'Beta thread')?.key);
  });

  it('says so when nothing waits', async () => {
    const user = userEvent.setup();
    const { renderInRoom } = await setupRoom({ rows: [chatRow(isoAgo(HOUR), ACCOUNT, 'Quiet thread')] });
    renderInRoom(<ApprovalInbox />);
    await user.click(screen.getByRole('button', { name: 'Approvals: none waiting' }));
    expect(await screen.findByText('Nothing waits for your approval')).toBeInTheDocument();
  });
});

describe('the sidebar "Waiting" mark', () => {
  it('marks the threads whose running turn waits for an approval, and only while it waits', async () => {
    const { fake, beta } = await setup();
    const button = (label: string) => screen.getByText(label).closest('button') as HTMLElement;
    await waitFor(() => expect(within(button('Beta thread')).getByLabelText('waiting for your approval')).toBeInTheDocument());
    expect(within(button('Alpha thread')).getByLabelText('waiting for your approval')).toHaveTextContent('Waiting');
    expect(within(button('Idle thread')).queryByLabelText('waiting for your approval')).toBeNull();
    const decided = { ...beta.events[1], seq: beta.events.length, state: 'selected', optionId: 'allow_once', decidedBy: ACCOUNT, decidedAt: '2026-01-01T12:00:00.000Z' };
    act(() => fake.pushTurnEvent('t-beta', decided as never));
    await waitFor(() => expect(within(button('Beta thread')).queryByLabelText('waiting for your approval')).toBeNull());
    expect(within(button('Alpha thread')).getByLabelText('waiting for your approval')).toBeInTheDocument();
  });
});
