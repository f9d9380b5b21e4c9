import { useCallback, useState } from 'react';
import type { ListRange } from 'react-virtuoso';

/** Rows at the end that are rendered from the first pass on: more than a screenful at the estimate. */
const TAIL_ROWS = 12;

/**
 * Opens a Virtuoso list at its newest row without `initialTopMostItemIndex`, which hides the list
 * and waits four animation frames (~67 ms) before it scrolls and renders a row. Instead the list
 * starts scrolled to its estimated end (`initialScrollTop`: Virtuoso scrolls one frame after its
 * first pass), and that first pass, at the top, renders cheap placeholders for all but the last
 * TAIL_ROWS rows; once a range at the end has been shown, every row renders for real.
 */
export function useOpenAtNewest(count: number, rowEstimatePx: number) {
  const [initialScrollTop] = useState(() => count * rowEstimatePx);
  const [settled, setSettled] = useState(count <= TAIL_ROWS);
  const rangeChanged = useCallback(
    ({ endIndex }: ListRange) => {
      if (endIndex >= count - TAIL_ROWS) setSettled(true);
    },
    [count],
  );
  const isPlaceholder = (index: number) => !settled && index < count - TAIL_ROWS;
  return { initialScrollTop, rangeChanged: settled ? undefined : rangeChanged, isPlaceholder };
}
