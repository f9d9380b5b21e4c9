import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { selectPendingPermissions } from '../../src/activity/index.js';
import { getFromBuckets } from '../chat/index.js';
import { runningTurnsOf, selectPendingApprovals, selectRunningTurns } from '../inbox/index.js';
import type { PendingApproval, RunningTurnRef } from '../inbox/index.js';
import { useCodexStores } from '../provider.js';
import { useChat } from '../room/hooks/useChat.js';

/** The running turns of the open chat (a stable array while they do not change). */
export function useRunningTurns(): readonly RunningTurnRef[] {
  return useChat(selectRunningTurns);
}

/**
 * Keeps every running turn of the open chat subscribed in the turn store, so their permission
 * requests are known without opening their threads. Mount it once (the inbox does). A turn keeps
 * its subscription while it stays running: only turns that start or end are watched or let go.
 */
export function useWatchRunningTurns(): void {
  const { turns } = useCodexStores();
  const running = useRunningTurns();
  const watched = useRef(new Map<string, () => void>());
  useEffect(() => {
    const current = watched.current;
    const wanted = new Set(running.map((ref) => ref.turnId));
    for (const [turnId, stop] of current) {
      if (wanted.has(turnId)) continue;
      stop();
      current.delete(turnId);
    }
    for (const turnId of wanted) if (!current.has(turnId)) current.set(turnId, turns.getState().watchTurn(turnId));
  }, [turns, running]);
  useEffect(() => {
    const current = watched.current;
    return () => {
      for (const stop of current.values()) stop();
      current.clear();
    };
  }, [turns]);
}

/** Every pending approval of the open chat's running turns, newest thread first. */
export function usePendingApprovals(): readonly PendingApproval[] {
  const { turns } = useCodexStores();
  const running = useRunningTurns();
  const views = useStore(turns, useShallow((state) => running.map((ref) => state.turns[ref.turnId])));
  return useMemo(() => selectPendingApprovals(running, views), [running, views]);
}

/** Whether a running turn of the thread waits for an approval (the sidebar's "Waiting" mark). */
export function useThreadWaiting(threadKey: string): boolean {
  const { turns } = useCodexStores();
  // A joined string, so the selector's result is stable; empty for the (many) threads not running.
  const turnIds = useChat((state) => (getFromBuckets(state.threads, threadKey)?.running ? runningTurnsOf(state, threadKey, '').map((ref) => ref.turnId).join('\n') : ''));
  return useStore(turns, (state) => turnIds !== '' && turnIds.split('\n').some((turnId) => {
    const view = state.turns[turnId];
    return view !== undefined && selectPendingPermissions(view).length > 0;
  }));
}
