import { diffLines } from 'diff';
import { selectItems } from './selectors.js';
import type { DiffFile, DiffItem, TurnView } from './types.js';

/** Lines added and removed in one file. */
export type FileDiffTotals = { path: string; change: DiffFile['change']; additions: number; deletions: number };
/** Per-file and overall line counts of a turn's edits. */
export type DiffTotals = { files: FileDiffTotals[]; additions: number; deletions: number };

// DiffFile objects are immutable (Immer), so their line counts are computed once each.
const fileCache = new WeakMap<DiffFile, { additions: number; deletions: number }>();

/** Lines added and removed in one file of a diff item (a line diff of oldText and newText). */
export function selectFileDiffTotals(file: DiffFile): { additions: number; deletions: number } {
  let totals = fileCache.get(file);
  if (!totals) {
    totals = { additions: 0, deletions: 0 };
    for (const part of diffLines(file.oldText ?? '', file.newText ?? '')) {
      const count = part.count ?? 0;
      if (part.added) totals.additions += count;
      else if (part.removed) totals.deletions += count;
    }
    fileCache.set(file, totals);
  }
  return totals;
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
