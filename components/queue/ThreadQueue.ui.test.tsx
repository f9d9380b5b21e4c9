import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { QueuedTurn } from '../../src/protocol/index.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { ThreadQueue } from './ThreadQueue.js';

const queued = (turnId: string, position: number, text: string): QueuedTurn => ({ turnId, position, text, userDate: '2026-01-01T12:00:00.000Z', accountId: 'alice' });

describe('ThreadQueue', () => {
  it('shows the thread queue of the session store; cancel calls the hub and queue.change updates every view', async () => {
    const fake = createFakeAcpApi({
      'queue.get': () => ({ queues: { '1700000000000': [queued('q2', 2, 'and then tests'), queued('q1', 1, 'fix the build')] } }),
      'turn.cancelQueued': () => ({ cancelled: true }),
    });
    const stores = createTestRuntime({ api: fake.api });
    await stores.session.getState().loadQueues('a.chat');
    renderWithRuntime(<ThreadQueue path="a.chat" threadKey="1700000000000" />, stores);
    const list = screen.getByRole('region', { name: 'Queued messages' });
    // "A": the avatar of alice, who queued both.
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['#1Afix the build↑↓EditSend nowCancel', '#2Aand then tests↑↓EditSend nowCancel']);
    expect(within(list).getAllByRole('img', { name: 'Queued by alice' })).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel queued message 1' }));
    expect(fake.callsOf('turn.cancelQueued')).toEqual([{ turnId: 'q1' }]);
    act(() => fake.emit('queue.change', { path: 'a.chat', threadKey: '1700000000000', queue: [queued('q2', 1, 'and then tests')] }));
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['#1Aand then tests↑↓EditSend nowCancel']);
    act(() => fake.emit('queue.change', { path: 'a.chat', threadKey: '1700000000000', queue: [] }));
    expect(screen.queryByRole('region', { name: 'Queued messages' })).not.toBeInTheDocument();
  });

  it('moves, edits, sends now and pauses through the hub; the paused state comes from queue.get and queue.change', async () => {
    const key = '1700000000000';
    const fake = createFakeAcpApi({
      'queue.get': () => ({ queues: { [key]: [queued('q1', 1, 'fix the build'), queued('q2', 2, 'and then tests')] }, paused: [key] }),
      'queue.move': () => ({ queue: [] }),
      'queue.edit': () => ({ queue: [] }),
      'queue.sendNow': () => ({ queue: [] }),
      'queue.pause': ({ paused }) => ({ paused }),
    });
    const stores = createTestRuntime({ api: fake.api });
    await stores.session.getState().loadQueues('a.chat');
    renderWithRuntime(<ThreadQueue path="a.chat" threadKey={key} />, stores);
    expect(screen.getByText(/^Queue paused \(2\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Move queued message 2 up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Edit queued message 1' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Edit queued message 1' }), ' first{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Send queued message 2 now' }));
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(fake.callsOf('queue.move')).toEqual([{ turnId: 'q2', toIndex: 0 }]);
    expect(fake.callsOf('queue.edit')).toEqual([{ turnId: 'q1', prompt: 'fix the build first' }]);
    expect(fake.callsOf('queue.sendNow')).toEqual([{ turnId: 'q2' }]);
    expect(fake.callsOf('queue.pause')).toEqual([{ path: 'a.chat', threadKey: key, paused: false }]);
    act(() => fake.emit('queue.change', { path: 'a.chat', threadKey: key, queue: [queued('q1', 1, 'fix the build first')], paused: false, by: { action: 'resume', accountId: 'bob' } }));
    expect(screen.getByText(/^Queued \(1\)/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause after this turn' })).toBeInTheDocument();
  });

  it('shows the hub refusing a move as the session error', async () => {
    const fake = createFakeAcpApi({
      'queue.get': () => ({ queues: { '1': [queued('q1', 1, 'a'), queued('q2', 2, 'b')] } }),
      'queue.move': () => {
        throw new Error('queue.move: turn q2 is not queued');
      },
    });
    const stores = createTestRuntime({ api: fake.api });
    await stores.session.getState().loadQueues('a.chat');
    renderWithRuntime(<ThreadQueue path="a.chat" threadKey="1" />, stores);
    await userEvent.click(screen.getByRole('button', { name: 'Move queued message 2 up' }));
    await expect.poll(() => stores.session.getState().error).toBe('Could not move the queued message: queue.move: turn q2 is not queued');
  });

  it('renders nothing for an empty or unknown thread', () => {
    const { container } = renderWithRuntime(<ThreadQueue path="none.chat" threadKey="1" />, createTestRuntime());
    expect(container).toBeEmptyDOMElement();
  });
});
