import { fileDiff } from './file-diff.js';
import type { DiffHunk } from './file-diff.js';

/** The file text after discarding hunks (null: the file is removed), or why it cannot be done. */
export type RevertResult = { text: string | null } | { conflict: string };

/** The message of a refused discard: the file no longer has the agent's text where the hunk was. */
export const FILE_CHANGED = "the file changed since the agent's edit";

/**
 * Writes the old side of some hunks of the edit `oldText` → `newText` (hunk indexes of the one
 * `fileDiff` of the pair) into `currentText`, the file as it is now (null: absent). Each hunk's new
 * side (its added and context lines) must still be in the file, nearest to where the agent put it;
 * other changes of the file (a hunk discarded before, the user's own edits elsewhere) stay. Pure.
 */
export function revertHunks(oldText: string | null, newText: string | null, currentText: string | null, indexes: readonly number[]): RevertResult {
  const { hunks } = fileDiff(oldText, newText);
  const bad = indexes.find((index) => !Number.isInteger(index) || index < 0 || index >= hunks.length);
  if (bad !== undefined) return { conflict: `the edit has no hunk ${bad} (it has ${hunks.length})` };
  const chosen = [...new Set(indexes)].sort((left, right) => right - left);
  // The whole edit undone on an untouched file: the exact old text (a created file goes away).
  if (currentText === newText && chosen.length === hunks.length) return { text: oldText };
  if (currentText === null) return { conflict: `${FILE_CHANGED}: the file is gone` };
  let lines = splitLines(currentText);
  // Bottom-up, so a replacement never moves the lines of a hunk still to be placed.
  for (const index of chosen) {
    const hunk = hunks[index]!;
    const at = locate(lines, side(hunk, '-'), hunk.newStart - 1);
    if (at === null) return { conflict: `${FILE_CHANGED} (hunk ${index + 1} is no longer in it)` };
    lines = [...lines.slice(0, at), ...side(hunk, '+'), ...lines.slice(at + hunk.newLines)];
  }
  if (lines.length === 0) return { text: '' };
  return { text: `${lines.join('\n')}${currentText.endsWith('\n') ? '\n' : ''}` };
}

/** The hunk's lines of one side: without the lines of the `other` side, prefixes stripped. */
function side(hunk: DiffHunk, other: '+' | '-'): string[] {
  return hunk.lines.filter((line) => line[0] !== other).map((line) => line.slice(1));
}

/** Where `block` occurs in `lines`, the occurrence nearest to `expected`; null when nowhere. */
function locate(lines: readonly string[], block: readonly string[], expected: number): number | null {
  // An empty new side (the agent emptied the file) is only still there in an empty file.
  if (block.length === 0) return lines.length === 0 ? 0 : null;
  let best: number | null = null;
  for (let start = 0; start + block.length <= lines.length; start += 1) {
    if (!block.every((line, offset) => lines[start + offset] === line)) continue;
    if (best === null || Math.abs(start - expected) < Math.abs(best - expected)) best = start;
  }
  return best;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}
