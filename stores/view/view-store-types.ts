import type { ItemCategory } from '../../src/activity/index.js';

/** One activity filter: an item category of src/activity (show only these; none = everything). */
export type ActivityFilter = ItemCategory;
/** The filters offered, in toolbar order. */
export const ACTIVITY_FILTERS: readonly ActivityFilter[] = ['reasoning', 'commands', 'edits', 'errors'];

/** How diffs are laid out. */
export type DiffLayout = 'line-by-line' | 'side-by-side';

/** View state only (never model state): what is expanded, filtered, shown in full. */
export type ViewStoreState = {
  /** Card expansion by `cardKey(turnId, itemId)`; absent = the card's own default. */
  expanded: Record<string, boolean>;
  /** Terminal cards showing the full (bounded) output instead of the tail. */
  fullOutput: Record<string, boolean>;
  filters: Record<string, ActivityFilter[]>;
  /** Whether a turn's activity fold is open; absent = open while running, closed after. */
  foldOpen: Record<string, boolean>;
  diffLayout: DiffLayout;
  /** A search to open in a thread (the sidebar's search picked a hit there); the thread takes it. */
  searchRequest: SearchRequest | null;
  setExpanded(key: string, expanded: boolean): void;
  setFullOutput(key: string, full: boolean): void;
  toggleFilter(turnId: string, filter: ActivityFilter): void;
  clearFilters(turnId: string): void;
  setFoldOpen(turnId: string, open: boolean): void;
  setDiffLayout(layout: DiffLayout): void;
  requestSearch(request: SearchRequest | null): void;
};

/** Open the thread's search with this query, at the first match in `messageKey` (if given). */
export type SearchRequest = { threadKey: string; query: string; messageKey: string | null };

/** Key of one card in the view store. */
export function cardKey(turnId: string, itemId: string): string {
  return `${turnId}\u0000${itemId}`;
}
