import { fileDiff } from '../../src/activity/index.js';

/**
 * A unified diff body for export: the hunks of src/activity's fileDiff (the same bounded, cached
 * computation the diff card and the turn footer use), each under its `@@` header.
 */
export function diffLines(oldText: string | null, newText: string | null): string {
  return fileDiff(oldText, newText)
    .hunks.map((hunk) => [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines].join('\n'))
    .join('\n');
}
