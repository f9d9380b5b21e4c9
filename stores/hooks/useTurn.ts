import { useStore } from 'zustand';
import type { TurnView } from '../../src/activity/index.js';
import { useCodexStores } from '../provider.js';

/** The turn's view (undefined before its first event); re-renders only when that turn changes. */
export function useTurn(turnId: string): TurnView | undefined {
  const { turns } = useCodexStores();
  return useStore(turns, (state) => state.turns[turnId]);
}
