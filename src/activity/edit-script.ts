import { diffArrays } from 'diff';

/** A run of the edit script: `same` lines kept, or a change removing then adding lines. */
export type Segment = { same: true; oldStart: number; newStart: number; count: number } | { same: false; oldStart: number; oldCount: number; newStart: number; newCount: number };

/**
 * Myers' cost grows with the square of the edit distance (a 5,000-line rewrite took 14.5 s in the
 * browser), so a search stops at this many edits and that part is shown as replaced instead. A gap
 * whose lower bound already passes the cap (a full rewrite) is answered without any search.
 */
export const MAX_EDIT_LENGTH = 500;

/** The line edit script of old → new, bounded; `exact: false` when some gap was shown as replaced. */
export function editScript(oldLines: string[], newLines: string[]): { segments: Segment[]; exact: boolean } {
  const script = new EditScript();
  const exact = diffRange(oldLines, 0, oldLines.length, newLines, 0, newLines.length, script, { depth: 0, myersLines: 0 });
  return { segments: script.segments, exact };
}

/** The edit script being built, merging neighbours of the same kind. */
class EditScript {
  segments: Segment[] = [];
  same(oldStart: number, newStart: number, count: number): void {
    if (count === 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last?.same) last.count += count;
    else this.segments.push({ same: true, oldStart, newStart, count });
  }
  change(oldStart: number, oldCount: number, newStart: number, newCount: number): void {
    if (oldCount === 0 && newCount === 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && !last.same) {
      last.oldCount += oldCount;
      last.newCount += newCount;
    } else this.segments.push({ same: false, oldStart, oldCount, newStart, newCount });
  }
}

// Patience diff: lines that occur once on each side anchor the diff (their longest increasing run),
// and the gaps between anchors are diffed the same way. That is O(n log n) and exact on the usual
// edits; only anchor-free gaps go to Myers, whose cost is bounded by MAX_EDIT_LENGTH and a budget.
const MAX_DEPTH = 40;
const MAX_MYERS_LINES = 10_000;

/** Appends the script of old[oldLow, oldHigh) → new[newLow, newHigh); false if part of it is approximate. */
function diffRange(oldLines: string[], oldLow: number, oldHigh: number, newLines: string[], newLow: number, newHigh: number, script: EditScript, budget: { depth: number; myersLines: number }): boolean {
  let head = 0;
  while (oldLow + head < oldHigh && newLow + head < newHigh && oldLines[oldLow + head] === newLines[newLow + head]) head += 1;
  script.same(oldLow, newLow, head);
  oldLow += head;
  newLow += head;
  let tail = 0;
  while (oldHigh - tail > oldLow && newHigh - tail > newLow && oldLines[oldHigh - 1 - tail] === newLines[newHigh - 1 - tail]) tail += 1;
  oldHigh -= tail;
  newHigh -= tail;
  let exact = true;
  const anchors = oldLow < oldHigh && newLow < newHigh && budget.depth < MAX_DEPTH ? uniqueAnchors(oldLines, oldLow, oldHigh, newLines, newLow, newHigh) : [];
  if (anchors.length === 0) exact = myersRange(oldLines, oldLow, oldHigh, newLines, newLow, newHigh, script, budget);
  else {
    budget.depth += 1;
    for (const [oldAt, newAt] of anchors) {
      exact = diffRange(oldLines, oldLow, oldAt, newLines, newLow, newAt, script, budget) && exact;
      script.same(oldAt, newAt, 1);
      oldLow = oldAt + 1;
      newLow = newAt + 1;
    }
    exact = diffRange(oldLines, oldLow, oldHigh, newLines, newLow, newHigh, script, budget) && exact;
    budget.depth -= 1;
  }
  script.same(oldHigh, newHigh, tail);
  return exact;
}

/** Myers on a gap without anchors, or the gap as replaced when it needs too many edits (false). */
function myersRange(oldLines: string[], oldLow: number, oldHigh: number, newLines: string[], newLow: number, newHigh: number, script: EditScript, budget: { myersLines: number }): boolean {
  const oldPart = oldLines.slice(oldLow, oldHigh);
  const newPart = newLines.slice(newLow, newHigh);
  const size = oldPart.length + newPart.length;
  const lowerBound = editLowerBound(oldPart, newPart);
  // No line in common (a pure insertion, deletion or rewrite): replacing the gap is the exact diff.
  const disjoint = lowerBound === size;
  const affordable = budget.myersLines + size <= MAX_MYERS_LINES && lowerBound <= MAX_EDIT_LENGTH;
  const changes = !disjoint && affordable ? diffArrays(oldPart, newPart, { maxEditLength: MAX_EDIT_LENGTH }) : undefined;
  if (!disjoint) budget.myersLines += size;
  if (!changes) {
    script.change(oldLow, oldPart.length, newLow, newPart.length);
    return disjoint;
  }
  let oldAt = oldLow;
  let newAt = newLow;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) script.same(oldAt, newAt, count);
    else script.change(oldAt, change.removed ? count : 0, newAt, change.added ? count : 0);
    if (!change.added) oldAt += count;
    if (!change.removed) newAt += count;
  }
  return true;
}

/** Pairs (old index, new index) of lines unique on both sides, longest run increasing on both. */
function uniqueAnchors(oldLines: string[], oldLow: number, oldHigh: number, newLines: string[], newLow: number, newHigh: number): Array<[number, number]> {
  const seen = new Map<string, { old: number; new: number; oldAt: number; newAt: number }>();
  for (let index = oldLow; index < oldHigh; index++) {
    const entry = seen.get(oldLines[index]!);
    if (entry) entry.old += 1;
    else seen.set(oldLines[index]!, { old: 1, new: 0, oldAt: index, newAt: -1 });
  }
  for (let index = newLow; index < newHigh; index++) {
    const entry = seen.get(newLines[index]!);
    if (entry) {
      entry.new += 1;
      entry.newAt = index;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (const entry of seen.values()) if (entry.old === 1 && entry.new === 1) pairs.push([entry.oldAt, entry.newAt]);
  pairs.sort((left, right) => left[0] - right[0]);
  return longestIncreasingRun(pairs);
}

// Patience sorting: the longest subsequence of pairs whose new indexes increase, in O(k log k).
function longestIncreasingRun(pairs: Array<[number, number]>): Array<[number, number]> {
  const tops: number[] = [];
  const previous: number[] = new Array<number>(pairs.length);
  pairs.forEach(([, newAt], index) => {
    let low = 0;
    let high = tops.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tops[middle]!]![1] < newAt) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tops[low - 1]! : -1;
    tops[low] = index;
  });
  const run: Array<[number, number]> = [];
  for (let index = tops.length > 0 ? tops[tops.length - 1]! : -1; index >= 0; index = previous[index]!) run.push(pairs[index]!);
  return run.reverse();
}

// Every line not common to both sides (counted with multiplicity) must be removed or added, so
// this bounds the edit distance from below in O(n).
function editLowerBound(oldLines: string[], newLines: string[]): number {
  const counts = new Map<string, number>();
  for (const line of oldLines) counts.set(line, (counts.get(line) ?? 0) + 1);
  let common = 0;
  for (const line of newLines) {
    const left = counts.get(line) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(line, left - 1);
    }
  }
  return oldLines.length + newLines.length - 2 * common;
}

