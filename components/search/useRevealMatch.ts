import { useEffect } from 'react';
import { useCodexStores } from '../../stores/provider.js';
import { revealMatch } from '../../stores/search/index.js';
import type { SearchMatch } from '../../stores/search/index.js';
import { clearHighlights, findTextRanges, paintHighlights } from './highlight-ranges.js';

/** Frames to wait for the match's message to render (scrolled to, its turn loaded, its card opened). */
const MAX_WAIT_FRAMES = 240;

function attributeValue(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/** The element that renders a match: its card, or the row's own text. */
function matchScope(listRoot: Element, match: SearchMatch): Element | null {
  const article = listRoot.querySelector(`[data-key="${attributeValue(match.messageKey)}"]`);
  if (!article) return null;
  if (match.source.kind === 'item') return article.querySelector(`[data-item-id="${attributeValue(match.source.itemId)}"]`);
  return article.querySelector(':scope > .cc-markdown') ?? article;
}

function isInView(range: Range, listRoot: Element): boolean {
  // Without layout (jsdom) there is nothing to scroll.
  if (typeof range.getBoundingClientRect !== 'function') return true;
  const box = range.getBoundingClientRect();
  const view = listRoot.getBoundingClientRect();
  return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
}

/**
 * Brings the current match into view: opens what hides it (view store), scrolls the virtualized
 * list to its message, waits for the text to render, then highlights it (and every other rendered
 * match) and centres it. Repaints as the list renders other rows while the reader scrolls.
 */
export function useRevealMatch(match: SearchMatch | null, query: string, scrollTo: (index: number) => void, listRoot: () => Element | null): void {
  const { view } = useCodexStores();
  useEffect(() => {
    const root = listRoot();
    if (!match || !root) return clearHighlights();
    let frame = 0;
    let waited = 0;
    let current: Element | null = null;
    const paint = (): Range | null => {
      const scope = matchScope(root, match);
      const ranges = scope ? findTextRanges(scope, query) : [];
      const range = ranges[Math.min(match.ordinal, ranges.length - 1)] ?? null;
      if (!paintHighlights(findTextRanges(root, query), range)) {
        current?.removeAttribute('data-search-current');
        current = range ? scope : null;
        current?.setAttribute('data-search-current', '');
      }
      return range;
    };
    const settle = () => {
      const range = paint();
      waited += 1;
      if (range && !isInView(range, root)) (range.startContainer.parentElement ?? root).scrollIntoView({ block: 'center' });
      // Keep checking a little after it is found: rows above remeasure as they render.
      if (waited < MAX_WAIT_FRAMES && (!range || !isInView(range, root))) frame = requestAnimationFrame(settle);
    };
    revealMatch(view.getState(), match);
    scrollTo(match.messageIndex);
    frame = requestAnimationFrame(settle);
    let repaint = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(repaint);
      repaint = requestAnimationFrame(() => void paint());
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(repaint);
      observer.disconnect();
      current?.removeAttribute('data-search-current');
      clearHighlights();
    };
  }, [match, query, scrollTo, listRoot, view]);
}
