import { useStore } from 'zustand';
import type { ActivityFilter } from '../view/index.js';
import { useCodexStores } from '../provider.js';

const NO_FILTERS: ActivityFilter[] = [];

/** The turn's activity filters and their actions. */
export function useTurnFilters(turnId: string) {
  const { view } = useCodexStores();
  const filters = useStore(view, (state) => state.filters[turnId] ?? NO_FILTERS);
  const { toggleFilter, clearFilters } = view.getState();
  return { filters, toggle: (filter: ActivityFilter) => toggleFilter(turnId, filter), clear: () => clearFilters(turnId) };
}
