import type { ViewStoreState } from '../view/index.js';
import { cardKey } from '../view/index.js';
import type { SearchMatch } from './search-thread.js';

/**
 * Opens what hides a match: the turn's activity fold (and its filters, which could hide the card),
 * the card itself, and for terminal output the full (bounded) output instead of the last lines.
 */
export function revealMatch(view: Pick<ViewStoreState, 'setFoldOpen' | 'clearFilters' | 'setExpanded' | 'setFullOutput'>, match: SearchMatch): void {
  if (match.source.kind !== 'item') return;
  const { turnId, itemId, field } = match.source;
  const key = cardKey(turnId, itemId);
  view.setFoldOpen(turnId, true);
  view.clearFilters(turnId);
  view.setExpanded(key, true);
  if (field === 'output') view.setFullOutput(key, true);
}
