import { useCallback } from 'react';
import { useStore } from 'zustand';
import { cardKey } from '../view/index.js';
import { useCodexStores } from '../provider.js';

/** Whether a card is expanded (its own default until the user toggles it) and the toggle. */
export function useCardExpanded(turnId: string, itemId: string, defaultExpanded: boolean) {
  const { view } = useCodexStores();
  const key = cardKey(turnId, itemId);
  const stored = useStore(view, (state) => state.expanded[key]);
  const expanded = stored ?? defaultExpanded;
  const toggle = useCallback(() => view.getState().setExpanded(key, !expanded), [view, key, expanded]);
  return { expanded, toggle };
}
