import { useStore } from 'zustand';
import type { ActivityItem } from '../../src/activity/index.js';
import { useCodexStores } from '../provider.js';

/** One card of a turn; Immer's structural sharing re-renders only the card that changed. */
export function useCard(turnId: string, itemId: string): ActivityItem | undefined {
  const { turns } = useCodexStores();
  return useStore(turns, (state) => state.turns[turnId]?.items[itemId]);
}
