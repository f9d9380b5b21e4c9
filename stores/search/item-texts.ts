import type { ActivityItem } from '../../src/activity/index.js';
import { diffLines } from '../room/diff-lines.js';
import { stripAnsi } from '../room/markdown-text.js';

/** Which part of an activity item a text is: what the card shows it as. */
export type ItemField = 'text' | 'title' | 'command' | 'output' | 'diff' | 'path';

/** One searchable text of an item, and its lower-case form (what the search scans). */
export type ItemText = { field: ItemField; text: string; lower: string };

// Items are immutable (Immer): an unchanged item keeps its texts across searches, so typing a
// query re-scans without re-deriving (no ANSI stripping, diffing or lower-casing again).
const cache = new WeakMap<ActivityItem, ItemText[]>();

/** The texts of an item (see itemFieldTexts), cached per item object. */
export function itemTexts(item: ActivityItem): ItemText[] {
  let texts = cache.get(item);
  if (!texts) {
    texts = itemFieldTexts(item).map(({ field, text }) => ({ field, text, lower: text.toLowerCase() }));
    cache.set(item, texts);
  }
  return texts;
}

/**
 * The texts of an item that its card can show, in the card's order. Terminal output is what the
 * view keeps (bounded head + tail; the dropped middle cannot be searched), without ANSI escapes as
 * the card renders it. A diff is searched as its hunks (what the diff card shows), not whole files.
 */
function itemFieldTexts(item: ActivityItem): Array<{ field: ItemField; text: string }> {
  switch (item.kind) {
    case 'message':
    case 'reasoning':
      return [{ field: 'text', text: item.text }];
    case 'terminal':
      return [
        { field: 'command', text: item.command ?? item.title },
        { field: 'output', text: stripAnsi(item.output.droppedChars > 0 ? `${item.output.head}\n${item.output.tail}` : item.output.head + item.output.tail) },
      ];
    case 'diff':
      return item.files.flatMap((file) => [
        { field: 'path' as const, text: file.path },
        { field: 'diff' as const, text: diffLines(file.oldText, file.newText) },
      ]);
    case 'read':
    case 'fetch':
    case 'think':
    case 'tool':
      return [
        { field: 'title', text: item.title },
        { field: 'text', text: item.text },
      ];
    case 'plan':
      return [{ field: 'text', text: item.entries.map((entry) => entry.content).join('\n') }];
    case 'permission':
      return [{ field: 'title', text: item.command ?? item.title }];
    case 'notice':
      return [{ field: 'text', text: item.message }];
    case 'unknown':
      return [{ field: 'title', text: item.label }];
  }
}
