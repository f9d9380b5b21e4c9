import { useCallback, useState } from 'react';
import { useCodexStores } from '../provider.js';
import { useRoom } from '../room/hooks/useRoom.js';

type DeleteState = { type: 'idle' } | { type: 'deleting' } | { type: 'failed'; error: string };

/**
 * "Delete activity log" of one turn (`turnId`) or of a whole thread, in the open chat: the action
 * (it never throws: a refusal, e.g. a running turn, becomes `error`), and whether it is under way.
 */
export function useDeleteActivityLog(threadKey: string, turnId?: string) {
  const { turns } = useCodexStores();
  const path = useRoom((state) => state.chat?.path ?? null);
  const [state, setState] = useState<DeleteState>({ type: 'idle' });
  const deleteLog = useCallback(async () => {
    if (path === null) return setState({ type: 'failed', error: 'No chat is open.' });
    setState({ type: 'deleting' });
    try {
      await turns.getState().deleteLogs(turnId === undefined ? { path, threadKey } : { path, threadKey, turnId });
      setState({ type: 'idle' });
    } catch (error) {
      setState({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }, [turns, path, threadKey, turnId]);
  return { deleteLog, deleting: state.type === 'deleting', error: state.type === 'failed' ? state.error : null };
}
