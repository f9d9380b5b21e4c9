import { createTwoFilesPatch } from 'diff';
import type { DiffFile } from '../../src/activity/index.js';

/**
 * A file's unified diff for diff2html, and its size in lines (to decide whether to render eagerly).
 * `approximate`: too many edits for a line diff, shown as replace-all. The +/- counts shown come from
 * src/activity's selectFileDiffTotals, the one place they are computed.
 */
export type FilePatch = { patch: string; lines: number; approximate: boolean };

// Beyond this many edits Myers' diff gets slow; fall back to "all old lines out, all new lines in".
const MAX_EDIT_LENGTH = 20_000;
const cache = new WeakMap<DiffFile, FilePatch>();

// A newline in a file name would end the patch header early; the real name is shown by React.
const headerName = (path: string) => path.replace(/[\r\n]/g, ' ');

function splitLines(text: string): string[] {
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

function replaceAllPatch(oldName: string, newName: string, oldText: string, newText: string): string {
  const removed = splitLines(oldText);
  const added = splitLines(newText);
  const header = `--- ${oldName}\n+++ ${newName}\n@@ -${removed.length > 0 ? 1 : 0},${removed.length} +${added.length > 0 ? 1 : 0},${added.length} @@\n`;
  return header + [...removed.map((line) => `-${line}`), ...added.map((line) => `+${line}`)].join('\n') + '\n';
}

// diff2html reads "new/deleted file" only from git's extended header; without it a /dev/null side
// makes the names differ and the file is labelled RENAMED.
function gitHeader(file: DiffFile): string {
  const name = headerName(file.movePath ?? file.path);
  const mark = file.oldText === null ? 'new file mode 100644\n' : file.newText === null ? 'deleted file mode 100644\n' : '';
  return mark ? `diff --git a/${headerName(file.path)} b/${name}\n${mark}` : '';
}

function countLines(patch: string): number {
  let lines = 0;
  for (let index = patch.indexOf('\n'); index >= 0; index = patch.indexOf('\n', index + 1)) lines += 1;
  return lines;
}

/** The unified diff of one file of a diff item (cached per file object; items are immutable). */
export function patchOf(file: DiffFile): FilePatch {
  const cached = cache.get(file);
  if (cached) return cached;
  const oldName = file.oldText === null ? '/dev/null' : `a/${headerName(file.path)}`;
  const newName = file.newText === null ? '/dev/null' : `b/${headerName(file.movePath ?? file.path)}`;
  const oldText = file.oldText ?? '';
  const newText = file.newText ?? '';
  const exact = createTwoFilesPatch(oldName, newName, oldText, newText, undefined, undefined, { context: 3, maxEditLength: MAX_EDIT_LENGTH });
  const patch = gitHeader(file) + (exact ?? replaceAllPatch(oldName, newName, oldText, newText));
  const result = { patch, lines: countLines(patch), approximate: exact === undefined };
  cache.set(file, result);
  return result;
}
