import type { DiffFile, FileDiff } from '../../src/activity/index.js';

/**
 * A file's unified diff for diff2html, built from src/activity's fileDiff (the one computation the
 * +/- counts also come from). `tooLarge`: more lines than diff2html draws without freezing the
 * page, so no patch is built and the card offers the plain texts instead.
 */
export type FilePatch = { patch: string; lines: number; approximate: boolean; tooLarge: boolean };

// diff2html takes ~0.1 s per thousand lines in Chromium; past this a diff is offered as plain text.
export const MAX_RENDERED_DIFF_LINES = 3_000;
const cache = new WeakMap<FileDiff, WeakMap<DiffFile, FilePatch>>();

// A newline in a file name would end the patch header early; the real name is shown by React.
const headerName = (path: string) => path.replace(/[\r\n]/g, ' ');

// diff2html reads "new/deleted file" only from git's extended header; without it a /dev/null side
// makes the names differ and the file is labelled RENAMED.
function gitHeader(file: DiffFile): string {
  const name = headerName(file.movePath ?? file.path);
  const mark = file.oldText === null ? 'new file mode 100644\n' : file.newText === null ? 'deleted file mode 100644\n' : '';
  return mark ? `diff --git a/${headerName(file.path)} b/${name}\n${mark}` : '';
}

function buildPatch(file: DiffFile, diff: FileDiff): string {
  const oldName = file.oldText === null ? '/dev/null' : `a/${headerName(file.path)}`;
  const newName = file.newText === null ? '/dev/null' : `b/${headerName(file.movePath ?? file.path)}`;
  const hunks = diff.hunks.map((hunk) => `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@\n${hunk.lines.join('\n')}\n`);
  return `${gitHeader(file)}--- ${oldName}\n+++ ${newName}\n${hunks.join('')}`;
}

/** The patch of one file of a diff item, given its fileDiff (cached per file and diff; both are immutable). */
export function patchOf(file: DiffFile, diff: FileDiff): FilePatch {
  const byFile = cache.get(diff) ?? new WeakMap<DiffFile, FilePatch>();
  cache.set(diff, byFile);
  let patch = byFile.get(file);
  if (!patch) {
    const tooLarge = diff.lines > MAX_RENDERED_DIFF_LINES;
    patch = { patch: tooLarge ? '' : buildPatch(file, diff), lines: diff.lines, approximate: diff.approximate, tooLarge };
    byFile.set(file, patch);
  }
  return patch;
}
