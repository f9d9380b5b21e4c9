import { fileDiff } from './file-diff.js';
import { selectItems } from './selectors.js';
import type { DiffFile, DiffItem, TurnView } from './types.js';

/** Lines added and removed in one file. */
export type FileDiffTotals = { path: string; change: DiffFile['change']; additions: number; deletions: number };
/** Per-file and overall line counts of a turn's edits. */
export type DiffTotals = { files: FileDiffTotals[]; additions: number; deletions: number };

/** Lines added and removed in one file of a diff item (from its one, bounded, cached fileDiff). */
export function selectFileDiffTotals(file: DiffFile): { additions: number; deletions: number } {
  const { additions, deletions } = fileDiff(file.oldText, file.newText);
  return { additions, deletions };
}

/** Paths the turn's edits touched, in order of first touch (a move counts both paths). */
export function selectFilesTouched(view: TurnView): string[] {
  const paths = new Set<string>();
  for (const file of diffFiles(view)) {
    paths.add(file.path);
    if (file.movePath) paths.add(file.movePath);
  }
  return [...paths];
}

/** +/- line counts per file (several edits of a file add up) and in total. */
export function selectDiffTotals(view: TurnView): DiffTotals {
  const byPath = new Map<string, FileDiffTotals>();
  for (const file of diffFiles(view)) {
    const { additions, deletions } = selectFileDiffTotals(file);
    const entry = byPath.get(file.path) ?? { path: file.path, change: file.change, additions: 0, deletions: 0 };
    entry.additions += additions;
    entry.deletions += deletions;
    byPath.set(file.path, entry);
  }
  const files = [...byPath.values()];
  return { files, additions: sum(files, 'additions'), deletions: sum(files, 'deletions') };
}

function diffFiles(view: TurnView): DiffFile[] {
  return selectItems(view).flatMap((item) => (item.kind === 'diff' ? (item as DiffItem).files : []));
}

function sum(files: FileDiffTotals[], key: 'additions' | 'deletions'): number {
  return files.reduce((total, file) => total + file[key], 0);
}
