import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ChatMessage } from '../../stores/chat/index.js';
import { useCodexStores } from '../../stores/provider.js';
import { searchThreadSteps } from '../../stores/search/index.js';
import type { ThreadSearchResult } from '../../stores/search/index.js';

/** Typing settles this long before a search runs (turn views arriving restart the wait too). */
export const SEARCH_DEBOUNCE_MS = 150;
/** Time one slice of the incremental search may take before it yields to the browser. */
const SLICE_BUDGET_MS = 8;

/**
 * The thread search for `query`, debounced and run incrementally (slices of SLICE_BUDGET_MS, so a
 * 10,000-message thread never blocks a frame); re-run when messages or loaded turn views change.
 * `null` while the search for this query is pending.
 */
export function useThreadSearchResult(messages: readonly ChatMessage[], query: string): ThreadSearchResult | null {
  const { turns } = useCodexStores();
  const turnViews = useStore(turns, (state) => state.turns);
  const [found, setFound] = useState<{ query: string; result: ThreadSearchResult } | null>(null);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const steps = searchThreadSteps({ messages, turnView: (turnId) => turnViews[turnId], query });
    const slice = () => {
      if (cancelled) return;
      const started = performance.now();
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return setFound({ query, result: step.value });
        if (performance.now() - started > SLICE_BUDGET_MS) break;
      }
      timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [messages, turnViews, query]);
  // A result for an earlier query is not shown while the new one runs.
  return found?.query === query ? found.result : null;
}
