import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListRange } from 'react-virtuoso';
import { afterPaint } from './after-paint.js';

/**
 * How a message list opens: `tail`, the newest rows in a plain bottom-anchored scroller (the first
 * screen: one commit, no virtualizer); `mounting`, Virtuoso mounted hidden under the tail with
 * placeholder rows while it scrolls to its end; `virtual`, Virtuoso shown and the tail gone, in one
 * commit. In Chromium on a 1,000-message thread, Virtuoso's mount, its pass at the top and its
 * scroll a frame later came before the first message showed (see the README's open-chat numbers).
 */
export type ListPhase = 'tail' | 'mounting' | 'virtual';

/** Longest the hidden list may take to reach its end before it is shown anyway (a hidden tab has no frames). */
const HANDOVER_FALLBACK_MS = 500;

export function useTailFirst(count: number) {
  const [mounted, setMounted] = useState(false);
  const [shown, setShown] = useState(false);
  const latest = useRef({ count, ready: false, focus: false, pointer: false });
  useEffect(() => void (latest.current.count = count), [count]);

  // Shows the virtualized list once it is ready, unless the reader is in the tail (focus in an
  // editor, a pointer down): then once they leave it, so what they are doing is not remounted.
  const showIfReady = useCallback(() => {
    const state = latest.current;
    if (state.ready && !state.focus && !state.pointer) setShown(true);
  }, []);
  const markReady = useCallback(() => {
    latest.current.ready = true;
    showIfReady();
  }, [showIfReady]);

  // Once the tail has been painted.
  useEffect(
    () =>
      afterPaint(() => {
        setMounted(true);
        if (latest.current.count === 0) markReady(); // nothing to scroll to
      }, HANDOVER_FALLBACK_MS),
    [markReady],
  );
  useEffect(() => {
    if (!mounted) return;
    const fallback = setTimeout(markReady, HANDOVER_FALLBACK_MS);
    return () => clearTimeout(fallback);
  }, [mounted, markReady]);

  // Virtuoso has rendered a range that holds the last row: it may be shown.
  const rangeChanged = useCallback(({ endIndex }: ListRange) => endIndex >= latest.current.count - 1 && markReady(), [markReady]);
  const tailHandlers: React.HTMLAttributes<HTMLDivElement> = {
    onFocus: () => void (latest.current.focus = true),
    onBlur: (event) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      latest.current.focus = false;
      showIfReady();
    },
    onPointerDown: () => {
      latest.current.pointer = true;
      // Wherever the pointer is released (it may have left the tail by then).
      const release = () => {
        window.removeEventListener('pointerup', release, true);
        window.removeEventListener('pointercancel', release, true);
        latest.current.pointer = false;
        showIfReady();
      };
      window.addEventListener('pointerup', release, true);
      window.addEventListener('pointercancel', release, true);
    },
  };
  const phase: ListPhase = shown ? 'virtual' : mounted ? 'mounting' : 'tail';
  return { phase, tailHandlers, rangeChanged: phase === 'mounting' ? rangeChanged : undefined };
}
