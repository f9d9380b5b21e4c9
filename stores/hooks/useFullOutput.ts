import { useCallback } from 'react';
import { useStore } from 'zustand';
import { cardKey } from '../view/index.js';
import { useCodexStores } from '../provider.js';

/** Whether a terminal card shows its full (bounded) output rather than the live tail. */
export function useFullOutput(turnId: string, itemId: string) {
  const { view } = useCodexStores();
  const key = cardKey(turnId, itemId);
  const full = useStore(view, (state) => state.fullOutput[key] ?? false);
  const toggle = useCallback(() => view.getState().setFullOutput(key, !full), [view, key, full]);
  return { full, toggle };
}
