import { useEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import type { QueuedTurn } from '../../src/protocol/index.js';
import { QueueItem, type QueuePlanHandlers } from './QueueItem.js';

type QueueListProps = QueuePlanHandlers & {
  queue: readonly QueuedTurn[];
  /** The queue holds after the running turn (queue.pause); shown with a Resume button. */
  paused?: boolean;
  /** Present when the queue can be paused and resumed. */
  onPause?: (paused: boolean) => Promise<boolean> | void;
  /** Display names: given, each item shows who queued it. */
  nameOf?: (accountId: string) => string;
};

/**
 * The thread's plan: the messages waiting for the agent, numbered in the order they will run. The
 * hub holds the order (every tab and member sees the same); moves, edits and "send now" ask the hub
 * and the list shows what it answers in `queue.change`.
 */
export function QueueList({ queue, paused = false, onPause, nameOf, ...handlers }: QueueListProps) {
  const list = useRef<HTMLOListElement>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);
  const sorted = [...queue].sort((a, b) => a.position - b.position);
  const order = sorted.map((turn) => turn.turnId).join(',');
  // A keyboard move re-renders the list in the hub's new order: keep the focus on the moved item.
  useEffect(() => {
    if (!refocus) return;
    list.current?.querySelector<HTMLElement>(`li[data-turn-id="${CSS.escape(refocus)}"]`)?.focus();
  }, [order, refocus]);
  if (queue.length === 0 && !paused) return null;
  const drop = (toIndex: number) => {
    if (dragging && handlers.onMove) void handlers.onMove(dragging, toIndex);
    setDragging(null);
  };
  return (
    <section aria-label="Queued messages" className="cc-queue">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <span className="cc-muted" style={{ flex: 1 }}>
          {paused ? `Queue paused (${queue.length}): nothing more is sent to the agent until you resume.` : `Queued (${queue.length}): sent to the agent in this order after the current turn.`}
        </span>
        {onPause && (
          <Button size="small" type={paused ? 'primary' : 'default'} onClick={() => void onPause(!paused)}>
            {paused ? 'Resume' : 'Pause after this turn'}
          </Button>
        )}
      </div>
      <ol ref={list} style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Queue order">
        {sorted.map((turn, index) => (
          <QueueItem key={turn.turnId} turn={turn} index={index} count={sorted.length} {...handlers} nameOf={nameOf} onDragFrom={setDragging} onDropOn={drop} onKeyboardMove={setRefocus} />
        ))}
      </ol>
    </section>
  );
}
