// Fuzzy ranking of workspace paths for @-mentions: the query's characters must appear in order
// (a subsequence); runs of consecutive characters, starts of words and segments, and matches in the
// file name score higher, and shorter paths win ties.

const SEPARATORS = new Set(['/', '\\', '-', '_', ' '].map((char) => char.charCodeAt(0)));
const DOT = '.'.charCodeAt(0);
const CONSECUTIVE_BONUS = 5;
const SEGMENT_START_BONUS = 8;
const CAMEL_BONUS = 8;
// After a dot: less than a word start, or `.ts` would pull every query ending in `t` to TypeScript files.
const DOT_BONUS = 4;
const BASENAME_BONUS = 2;
// A gap costs GAP_START, plus GAP_EXTEND per further skipped character (fzf's affine gaps).
const GAP_START = 3;
const GAP_EXTEND = 0.5;

const isUpper = (code: number) => code >= 65 && code <= 90;
const isLower = (code: number) => code >= 97 && code <= 122;

/** Bonus for matching at `index`: at the start, after a separator or a dot, or at a lowercase→uppercase step. */
function boundaryBonus(path: string, index: number): number {
  if (index === 0) return SEGMENT_START_BONUS;
  const previous = path.charCodeAt(index - 1);
  if (SEPARATORS.has(previous)) return SEGMENT_START_BONUS;
  if (previous === DOT) return DOT_BONUS;
  return isUpper(path.charCodeAt(index)) && isLower(previous) ? CAMEL_BONUS : 0;
}

const NONE = -1e9;
// Scratch space of the dynamic programme, reused across calls so a search over 100,000 paths allocates nothing.
let previousRow = new Float64Array(256);
let currentRow = new Float64Array(256);
let first = new Int32Array(64);
let last = new Int32Array(64);

/**
 * Score of `path` for `needle` (already lowercase, non-empty), or null when it does not match.
 * `lower` is `path.toLowerCase()`, passed in so an index can compute it once per file. The best
 * alignment is found by dynamic programming (as fzf's v2 does), limited to the span where each
 * query character can sit in a full match.
 */
export function scorePath(path: string, lower: string, needle: string): number | null {
  const length = lower.length;
  const count = needle.length;
  if (first.length < count) {
    first = new Int32Array(count * 2);
    last = new Int32Array(count * 2);
  }
  // Earliest position of each query character in a full match (greedy forward) and the latest (greedy backward).
  let cursor = 0;
  for (let index = 0; index < count; index += 1) {
    cursor = lower.indexOf(needle[index], cursor);
    if (cursor === -1) return null;
    first[index] = cursor++;
  }
  cursor = length - 1;
  for (let index = count - 1; index >= 0; index -= 1) {
    cursor = lower.lastIndexOf(needle[index], cursor);
    last[index] = cursor--;
  }
  if (currentRow.length < length) {
    previousRow = new Float64Array(length * 2);
    currentRow = new Float64Array(length * 2);
  }
  const basenameStart = lower.lastIndexOf('/') + 1;
  const charScore = (index: number, position: number) =>
    1 + boundaryBonus(path, position) + (position >= basenameStart ? BASENAME_BONUS : 0) + (index === 0 && position === basenameStart ? SEGMENT_START_BONUS : 0);
  for (let index = 0; index < count; index += 1) {
    const code = needle.charCodeAt(index);
    if (index === 0) {
      for (let position = first[0]; position <= last[0]; position += 1) currentRow[position] = lower.charCodeAt(position) === code ? charScore(0, position) : NONE;
    } else {
      const low = first[index - 1];
      const high = last[index - 1];
      let gapBest = NONE; // best match of the previous character at least two back, minus its gap
      for (let position = low + 1; position <= last[index]; position += 1) {
        const skipped = position - 2;
        gapBest -= GAP_EXTEND;
        if (skipped >= low && skipped <= high) gapBest = Math.max(gapBest, previousRow[skipped] - GAP_START);
        if (position < first[index]) continue;
        if (lower.charCodeAt(position) !== code) {
          currentRow[position] = NONE;
          continue;
        }
        const consecutive = position - 1 <= high ? previousRow[position - 1] + CONSECUTIVE_BONUS : NONE;
        const best = Math.max(consecutive, gapBest);
        currentRow[position] = best <= NONE / 2 ? NONE : best + charScore(index, position);
      }
    }
    [previousRow, currentRow] = [currentRow, previousRow];
  }
  let result = NONE;
  for (let position = first[count - 1]; position <= last[count - 1]; position += 1) result = Math.max(result, previousRow[position]);
  return result <= NONE / 2 ? null : result;
}

/** Orders two scored paths: higher score first, then shorter, then alphabetical. */
export function compareScored(a: { path: string; score: number }, b: { path: string; score: number }): number {
  return b.score - a.score || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
