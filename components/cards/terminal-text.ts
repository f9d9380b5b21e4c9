import type { BoundedText } from '../../src/activity/index.js';
import { stripOscSequences } from '../common/terminal-links.js';

/** Lines shown while a command runs (and when collapsed to the tail). */
export const TAIL_LINES = 20;

/** The last `count` lines of `text` and how many lines came before them. */
export function lastLines(text: string, count: number): { text: string; hiddenLines: number } {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  let index = trimmed.length;
  for (let found = 0; found < count; found += 1) {
    index = trimmed.lastIndexOf('\n', index - 1);
    if (index < 0) return { text: trimmed, hiddenLines: 0 };
  }
  const hiddenLines = countLines(trimmed.slice(0, index)) + 1;
  return { text: trimmed.slice(index + 1), hiddenLines };
}

function countLines(text: string): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lines += 1;
  return lines;
}

/** The latest output we hold: the tail after a cut, else everything kept. */
export function latestOutput(output: BoundedText): string {
  return output.droppedChars > 0 ? output.tail : output.head + output.tail;
}

/** All the output that was kept, with a marker where the middle was cut, without OSC sequences (for copy). */
export function keptOutput(output: BoundedText): string {
  if (output.droppedChars === 0) return stripOscSequences(output.head + output.tail);
  return `${stripOscSequences(output.head)}\n[… ${output.droppedChars} characters cut …]\n${stripOscSequences(output.tail)}`;
}
