import { createStore } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import type { ViewStoreState } from './view-store-types.js';

/** The view store: UI state kept apart from the turn model, so replaying events never touches it. */
export function createViewStore() {
  return createStore<ViewStoreState>()(
    immer((set) => ({
      expanded: {},
      fullOutput: {},
      filters: {},
      foldOpen: {},
      diffLayout: 'line-by-line',
      searchRequest: null,
      setExpanded: (key, expanded) => set((draft) => void (draft.expanded[key] = expanded)),
      setFullOutput: (key, full) => set((draft) => void (draft.fullOutput[key] = full)),
      toggleFilter: (turnId, filter) =>
        set((draft) => {
          const current = draft.filters[turnId] ?? [];
          draft.filters[turnId] = current.includes(filter) ? current.filter((each) => each !== filter) : [...current, filter];
        }),
      clearFilters: (turnId) => set((draft) => void delete draft.filters[turnId]),
      setFoldOpen: (turnId, open) => set((draft) => void (draft.foldOpen[turnId] = open)),
      setDiffLayout: (layout) => set((draft) => void (draft.diffLayout = layout)),
      requestSearch: (request) => set((draft) => void (draft.searchRequest = request)),
    })),
  );
}

/** The vanilla view store. */
export type ViewStore = ReturnType<typeof createViewStore>;
