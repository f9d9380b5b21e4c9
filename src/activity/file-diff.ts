import { editScript } from './edit-script.js';
import type { Segment } from './edit-script.js';

/** One hunk of a unified diff; `lines` start with ' ' (context), '-' (removed) or '+' (added). */
export type DiffHunk = { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: string[] };

/** A file's line diff: the one computation behind the card, the turn footer and the export. */
export type FileDiff = {
  hunks: DiffHunk[];
  additions: number;
  deletions: number;
  /** Too many edits for a line diff: the differing middle is shown as all removed, then all added. */
  approximate: boolean;
  /** Lines of the diff body, hunk headers included (what a renderer would draw). */
  lines: number;
};

const CONTEXT_LINES = 3;
// Diffs of large texts are kept for the few files on screen; more would pin megabytes of text.
const CACHE_ENTRIES = 32;

const cache = new Map<string, Map<string, FileDiff>>();
let cached = 0;
let computations = 0;

/** How many diffs have been computed (not served from the cache) since start: for tests and benches. */
export function countFileDiffComputations(): number {
  return computations;
}

/** The diff of two texts if it is already known, without computing it (null = absent file). */
export function peekFileDiff(oldText: string | null, newText: string | null): FileDiff | undefined {
  return cache.get(oldText ?? '')?.get(newText ?? '');
}

/** The line diff of two texts, computed once per pair (null = absent file) and bounded by MAX_EDIT_LENGTH. */
export function fileDiff(oldText: string | null, newText: string | null): FileDiff {
  const known = peekFileDiff(oldText, newText);
  if (known) return known;
  const result = computeFileDiff(oldText ?? '', newText ?? '');
  computations += 1;
  if (cached >= CACHE_ENTRIES) {
    const [oldest, entries] = cache.entries().next().value as [string, Map<string, FileDiff>];
    cached -= entries.size;
    cache.delete(oldest);
  }
  const byNew = cache.get(oldText ?? '') ?? new Map<string, FileDiff>();
  byNew.set(newText ?? '', result);
  cache.set(oldText ?? '', byNew);
  cached += 1;
  return result;
}

function computeFileDiff(oldText: string, newText: string): FileDiff {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const { segments, exact } = editScript(oldLines, newLines);
  const hunks = buildHunks(segments, oldLines, newLines);
  let additions = 0;
  let deletions = 0;
  let lines = 0;
  for (const hunk of hunks) {
    lines += hunk.lines.length + 1;
    additions += hunk.newLines - hunk.lines.filter((line) => line[0] === ' ').length;
    deletions += hunk.oldLines - hunk.lines.filter((line) => line[0] === ' ').length;
  }
  return { hunks, additions, deletions, approximate: !exact, lines };
}

function buildHunks(segments: Segment[], oldLines: string[], newLines: string[]): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let current: { oldStart: number; newStart: number; lines: string[] } | null = null;
  const close = () => {
    if (!current) return;
    const oldCount = current.lines.filter((line) => line[0] !== '+').length;
    const newCount = current.lines.length - current.lines.filter((line) => line[0] === '-').length;
    // Unified diffs number lines from 1; an empty side names the line before it (0 for a new file).
    hunks.push({ oldStart: oldCount === 0 ? current.oldStart : current.oldStart + 1, oldLines: oldCount, newStart: newCount === 0 ? current.newStart : current.newStart + 1, newLines: newCount, lines: current.lines });
    current = null;
  };
  segments.forEach((segment, index) => {
    if (!segment.same) {
      if (segment.oldCount === 0 && segment.newCount === 0) return;
      if (!current) {
        const before = segments[index - 1];
        const context = before?.same ? Math.min(CONTEXT_LINES, before.count) : 0;
        current = { oldStart: segment.oldStart - context, newStart: segment.newStart - context, lines: oldLines.slice(segment.oldStart - context, segment.oldStart).map((line) => ` ${line}`) };
      }
      for (const line of oldLines.slice(segment.oldStart, segment.oldStart + segment.oldCount)) current.lines.push(`-${line}`);
      for (const line of newLines.slice(segment.newStart, segment.newStart + segment.newCount)) current.lines.push(`+${line}`);
      return;
    }
    if (!current) return;
    const joins = index < segments.length - 1 && segment.count <= 2 * CONTEXT_LINES;
    const kept = joins ? segment.count : Math.min(CONTEXT_LINES, segment.count);
    for (const line of oldLines.slice(segment.oldStart, segment.oldStart + kept)) current.lines.push(` ${line}`);
    if (!joins) close();
  });
  close();
  return hunks;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}
