import { selectDiffTotals } from '../../src/activity/index.js';
import type { DiffTotals, ItemStatus, TurnView } from '../../src/activity/index.js';

// An edit the user rejected, or that failed or was cancelled, changed no file.
const NOT_APPLIED: ReadonlySet<ItemStatus> = new Set(['rejected', 'failed', 'cancelled']);
const cache = new WeakMap<TurnView, DiffTotals>();

/** The +/- totals of the turn's edits that were (or are being) applied: what a "files changed" summary may claim. */
export function selectAppliedDiffTotals(view: TurnView): DiffTotals {
  let totals = cache.get(view);
  if (!totals) {
    const order = view.order.filter((id) => {
      const item = view.items[id];
      return !(item?.kind === 'diff' && NOT_APPLIED.has(item.status));
    });
    totals = selectDiffTotals(order.length === view.order.length ? view : { ...view, order });
    cache.set(view, totals);
  }
  return totals;
}
