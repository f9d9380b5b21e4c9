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
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['#1fix the buildCancel', '#2and then testsCancel']);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel queued message 1' }));
    expect(fake.callsOf('turn.cancelQueued')).toEqual([{ turnId: 'q1' }]);
    act(() => fake.emit('queue.change', { path: 'a.chat', threadKey: '1700000000000', queue: [queued('q2', 1, 'and then tests')] }));
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['#1and then testsCancel']);
    act(() => fake.emit('queue.change', { path: 'a.chat', threadKey: '1700000000000', queue: [] }));
    expect(screen.queryByRole('region', { name: 'Queued messages' })).not.toBeInTheDocument();
  });

  it('renders nothing for an empty or unknown thread', () => {
    const { container } = renderWithRuntime(<ThreadQueue path="none.chat" threadKey="1" />, createTestRuntime());
    expect(container).toBeEmptyDOMElement();
  });
});
