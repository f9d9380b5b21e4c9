// Search highlights painted with the CSS Custom Highlight API: ranges over the text React rendered,
// so no renderer wraps text in <mark> and React's DOM is never touched. Where the API is missing
// (older browsers, jsdom) the matched card gets a `data-search-current` outline instead.

/** Highlight names (styled by ::highlight() in SEARCH_HIGHLIGHT_CSS). */
export const MATCH_HIGHLIGHT = 'cc-search-match';
export const CURRENT_HIGHLIGHT = 'cc-search-current';

/** The styles of the highlights and of the fallback outline. */
export const SEARCH_HIGHLIGHT_CSS = `::highlight(${MATCH_HIGHLIGHT}) { background-color: #ffe58f; color: #000; }
::highlight(${CURRENT_HIGHLIGHT}) { background-color: #fa8c16; color: #000; }
[data-search-current] { outline: 2px solid #fa8c16; outline-offset: 2px; }`;

type HighlightRegistry = { set(name: string, highlight: unknown): void; delete(name: string): void };

function registry(): { highlights: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/** Every case-insensitive occurrence of `needle` in the text under `root`, as DOM ranges (matches may span nodes). */
export function findTextRanges(root: Node, needle: string): Range[] {
  const lower = needle.toLowerCase();
  if (lower.length === 0) return [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = root.ownerDocument?.createTreeWalker(root, NodeFilter.SHOW_TEXT) ?? (root as Document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data.toLowerCase();
  }
  const ranges: Range[] = [];
  let cursor = 0;
  const locate = (offset: number) => {
    while (cursor < nodes.length - 1 && starts[cursor + 1] <= offset) cursor += 1;
    return { node: nodes[cursor], offset: offset - starts[cursor] };
  };
  for (let index = text.indexOf(lower); index >= 0; index = text.indexOf(lower, index + lower.length)) {
    const start = locate(index);
    const end = locate(index + lower.length - 1);
    const range = (root.ownerDocument ?? (root as Document)).createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset + 1);
    ranges.push(range);
  }
  return ranges;
}

/** Paints all rendered matches and the current one; false when the Highlight API is missing. */
export function paintHighlights(all: Range[], current: Range | null): boolean {
  const api = registry();
  if (!api) return false;
  api.highlights.set(MATCH_HIGHLIGHT, new api.Highlight(...all));
  if (current) api.highlights.set(CURRENT_HIGHLIGHT, new api.Highlight(current));
  else api.highlights.delete(CURRENT_HIGHLIGHT);
  return true;
}

/** Removes the highlights (the bar closed or the query changed). */
export function clearHighlights(): void {
  const api = registry();
  api?.highlights.delete(MATCH_HIGHLIGHT);
  api?.highlights.delete(CURRENT_HIGHLIGHT);
}
