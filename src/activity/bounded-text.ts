import type { BoundedText } from './types.js';

/** Characters kept from the start of a terminal's output. */
export const OUTPUT_HEAD_CHARS = 64 * 1024;
/** Characters kept from the end of a terminal's output. */
export const OUTPUT_TAIL_CHARS = 64 * 1024;

/** An empty bounded text. */
export function createBoundedText(): BoundedText {
  return { head: '', tail: '', droppedChars: 0, totalChars: 0, totalLines: 0 };
}

/** A bounded text holding `text`. */
export function boundedTextOf(text: string): BoundedText {
  const bounded = createBoundedText();
  appendBoundedText(bounded, text);
  return bounded;
}

/**
 * Appends `chunk` in place (on an Immer draft or a fresh object). The head fills first, the rest
 * goes to the tail, which keeps its last OUTPUT_TAIL_CHARS; the cost is O(chunk + tail size).
 */
export function appendBoundedText(text: BoundedText, chunk: string): void {
  if (chunk.length === 0) return;
  text.totalChars += chunk.length;
  text.totalLines += countNewlines(chunk);
  let rest = chunk;
  if (text.head.length < OUTPUT_HEAD_CHARS && text.tail.length === 0) {
    const room = OUTPUT_HEAD_CHARS - text.head.length;
    text.head += rest.slice(0, room);
    rest = rest.slice(room);
  }
  if (rest.length === 0) return;
  const tail = text.tail + rest;
  text.tail = tail.length > OUTPUT_TAIL_CHARS ? tail.slice(tail.length - OUTPUT_TAIL_CHARS) : tail;
  text.droppedChars = text.totalChars - text.head.length - text.tail.length;
}

/** The kept text: the whole text when nothing was dropped. */
export function boundedTextToString(text: BoundedText): string {
  return text.head + text.tail;
}

function countNewlines(chunk: string): number {
  let count = 0;
  for (let index = chunk.indexOf('\n'); index !== -1; index = chunk.indexOf('\n', index + 1)) count += 1;
  return count;
}
