import { useEffect } from 'react';
import { useCodexStores } from '../provider.js';

/** Keeps the turn subscribed to live events while the component is mounted (and `enabled`). */
export function useWatchTurn(turnId: string, enabled = true): void {
  const { turns } = useCodexStores();
  useEffect(() => (enabled ? turns.getState().watchTurn(turnId) : undefined), [turns, turnId, enabled]);
}
