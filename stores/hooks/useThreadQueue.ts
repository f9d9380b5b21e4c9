import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { QueuedTurn } from '../../src/protocol/index.js';
import { useCodexStores } from '../provider.js';

const EMPTY_QUEUE: QueuedTurn[] = [];

/** The thread's queued messages (same in every tab, from `queue.change`) and `cancel(turnId)`. */
export function useThreadQueue(path: string, threadKey: string) {
  const { session } = useCodexStores();
  const queue = useStore(session, (state) => state.queues[path]?.[threadKey] ?? EMPTY_QUEUE);
  const cancel = useCallback((turnId: string) => session.getState().cancelQueued(turnId), [session]);
  return { queue, cancel };
}
