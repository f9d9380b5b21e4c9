import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { QueuedTurn } from '../../src/protocol/index.js';
import { useCodexStores } from '../provider.js';

const EMPTY_QUEUE: QueuedTurn[] = [];

/**
 * The thread's queued messages and whether the queue is paused (the same in every tab, from
 * `queue.change`), with the plan's actions: cancel, move, edit, send now, pause / resume.
 */
export function useThreadQueue(path: string, threadKey: string) {
  const { session } = useCodexStores();
  const queue = useStore(session, (state) => state.queues[path]?.[threadKey] ?? EMPTY_QUEUE);
  const paused = useStore(session, (state) => state.pausedQueues[path]?.[threadKey] === true);
  const actions = useMemo(() => {
    const state = () => session.getState();
    return {
      cancel: (turnId: string) => state().cancelQueued(turnId),
      move: (turnId: string, toIndex: number) => state().moveQueued(turnId, toIndex),
      edit: (turnId: string, text: string) => state().editQueued(turnId, text),
      sendNow: (turnId: string) => state().sendQueuedNow(turnId),
      setPaused: (next: boolean) => state().pauseQueue(path, threadKey, next),
    };
  }, [session, path, threadKey]);
  return { queue, paused, ...actions };
}
