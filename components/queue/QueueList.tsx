import { useState } from 'react';
import { Button } from 'antd';
import type { QueuedTurn } from '../../src/protocol/index.js';

type QueueListProps = { queue: readonly QueuedTurn[]; onCancel: (turnId: string) => Promise<boolean> | void };

/** Messages waiting for the agent, in order, each with its position and a cancel button. */
export function QueueList({ queue, onCancel }: QueueListProps) {
  const [cancelling, setCancelling] = useState<Record<string, boolean>>({});
  if (queue.length === 0) return null;
  const cancel = async (turnId: string) => {
    setCancelling((current) => ({ ...current, [turnId]: true }));
    try {
      await onCancel(turnId);
    } finally {
      setCancelling((current) => ({ ...current, [turnId]: false }));
    }
  };
  return (
    <section aria-label="Queued messages" className="cc-queue">
      <div className="cc-muted">Queued ({queue.length}): sent to the agent in this order after the current turn.</div>
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {[...queue].sort((a, b) => a.position - b.position).map((turn) => (
          <li key={turn.turnId} style={{ display: 'flex', gap: 8, alignItems: 'center' }} aria-label={`Queued message ${turn.position}`}>
            <span className="cc-queue-position">#{turn.position}</span>
            <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{turn.text}</span>
            <Button size="small" loading={cancelling[turn.turnId] === true} onClick={() => void cancel(turn.turnId)} aria-label={`Cancel queued message ${turn.position}`}>
              Cancel
            </Button>
          </li>
        ))}
      </ol>
    </section>
  );
}
