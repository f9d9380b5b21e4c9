import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createEventLog } from '../../fixtures/build.js';
import { selectThreadMessages } from '../../stores/chat/index.js';
import { chatRow, setupRoom } from '../../stores/room/testing/render-room.js';
import type { FakeHandlers } from '../../stores/room/testing/fake-acp-api.js';
import { MessageRow } from '../room/MessageRow.js';
import { DeleteThreadLogButton } from './DeleteThreadLogButton.js';

const ROOT = '2026-01-01T12:00:00.000Z';
const THREAD_KEY = String(Date.parse(ROOT));
const ANSWER = 'Done: the notes have a new line.';

function rows(acpTurn: Record<string, unknown>) {
  return [
    chatRow(ROOT, 'alice', 'edit the notes', { acp_config: { agent: 'demo' } }),
    chatRow('2026-01-01T12:00:01.000Z', 'demo', ANSWER, { reply_to: ROOT, acp_turn: { id: 't1', ...acpTurn } }),
  ];
}

/** The agent row rendered on a real room (MemorySyncDB), its turn's log served by the fake hub. */
async function renderAgentRow(acpTurn: Record<string, unknown>, { ended = true, handlers = {} }: { ended?: boolean; handlers?: FakeHandlers } = {}) {
  const setup = await setupRoom({ rows: rows(acpTurn), handlers });
  const log = createEventLog();
  log.status('running');
  log.agentMessage(ANSWER);
  if (ended) log.status('completed');
  for (const event of log.events) setup.fake.pushTurnEvent('t1', event);
  const message = selectThreadMessages(setup.chat.getState(), THREAD_KEY).find((candidate) => candidate.sender_id === 'demo')!;
  setup.renderInRoom(<MessageRow message={message} accountId="alice" authorName={(id) => id} onEdit={() => {}} onFeedback={() => {}} />);
  return setup;
}

describe('Delete activity log', () => {
  it("deletes an ended turn's log from the turn menu after a confirmation", async () => {
    const user = userEvent.setup();
    const { fake } = await renderAgentRow({ state: 'completed' }, { handlers: { 'logs.delete': () => ({ deleted: 1 }) } });
    await screen.findByText('Worked for 0:00');
    await user.click(screen.getByRole('button', { name: 'Turn actions' }));
    await user.click(await screen.findByText('Delete activity log'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('The answer stays in the chat.');
    expect(fake.callsOf('logs.delete')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete log' }));
    await waitFor(() => expect(fake.callsOf('logs.delete')).toEqual([{ path: 'work/a.chat', threadKey: THREAD_KEY, turnId: 't1' }]));
  });

  it("offers no deletion of a running turn's log", async () => {
    const user = userEvent.setup();
    const { fake } = await renderAgentRow({ state: 'running' }, { ended: false });
    await screen.findByText(/Working/);
    await user.click(screen.getByRole('button', { name: 'Turn actions' }));
    const item = await screen.findByRole('menuitem', { name: /Delete activity log \(when the turn has ended\)/ });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    await user.click(item);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsOf('logs.delete')).toEqual([]);
  });

  it("shows the hub's refusal next to the menu", async () => {
    const user = userEvent.setup();
    await renderAgentRow({ state: 'completed' }, { handlers: { 'logs.delete': () => Promise.reject(new Error('logs.delete: this turn is still running')) } });
    await user.click(await screen.findByRole('button', { name: 'Turn actions' }));
    await user.click(await screen.findByText('Delete activity log'));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete log' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not delete the log: logs.delete: this turn is still running');
  });

  it('shows a deleted log as a one-line note above the answer, without subscribing to the turn', async () => {
    const { fake } = await renderAgentRow({ state: 'completed', logDeleted: true });
    const row = screen.getByRole('article', { name: 'Message from demo' });
    expect(within(row).getByRole('note')).toHaveTextContent('Activity log deleted');
    expect(within(row).getByText(ANSWER)).toBeInTheDocument();
    expect(within(row).queryByRole('article', { name: 'Agent turn' })).toBeNull();
    expect(fake.subscriptions).toEqual([]);
  });

  it("deletes a thread's logs from its title bar after a confirmation; not while a turn runs", async () => {
    const user = userEvent.setup();
    const { fake, renderInRoom } = await setupRoom({ rows: rows({ state: 'completed' }), handlers: { 'logs.delete': () => ({ deleted: 1 }) } });
    const view = renderInRoom(<DeleteThreadLogButton threadKey={THREAD_KEY} running={false} />);
    await user.click(screen.getByRole('button', { name: 'Delete activity log' }));
    expect(await screen.findByText("Delete this thread's activity logs?")).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete logs' }));
    await waitFor(() => expect(fake.callsOf('logs.delete')).toEqual([{ path: 'work/a.chat', threadKey: THREAD_KEY }]));
    view.unmount();

    renderInRoom(<DeleteThreadLogButton threadKey={THREAD_KEY} running />);
    expect(screen.getByRole('button', { name: 'Delete activity log' })).toBeDisabled();
  });
});
