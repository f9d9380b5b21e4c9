import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countFileDiffComputations, fileDiff, peekFileDiff } from './file-diff.js';
import type { FileDiff } from './file-diff.js';

const lines = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('\n') + '\n';

// Replays the hunks over the old text: a correct diff gives back the new text exactly.
function applyHunks(oldText: string, diff: FileDiff): string {
  const oldLines = oldText === '' ? [] : oldText.replace(/\n$/, '').split('\n');
  const result: string[] = [];
  let next = 0;
  for (const hunk of diff.hunks) {
    const start = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
    result.push(...oldLines.slice(next, start));
    next = start;
    for (const line of hunk.lines) {
      if (line[0] === '+') result.push(line.slice(1));
      else {
        expect(oldLines[next]).toBe(line.slice(1));
        if (line[0] === ' ') result.push(line.slice(1));
        next += 1;
      }
    }
  }
  result.push(...oldLines.slice(next));
  return result.length === 0 ? '' : `${result.join('\n')}\n`;
}

describe('fileDiff', () => {
  it('gives unified hunks with three lines of context and the +/- counts', () => {
    const diff = fileDiff('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(diff.hunks).toEqual([{ oldStart: 1, oldLines: 3, newStart: 1, newLines: 4, lines: [' a', '-b', '+B', ' c', '+d'] }]);
    expect(diff).toMatchObject({ additions: 2, deletions: 1, approximate: false, lines: 6 });
  });

  it('numbers a new and a deleted file from line 0 on the empty side', () => {
    expect(fileDiff(null, 'x\ny\n').hunks).toEqual([{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2, lines: ['+x', '+y'] }]);
    expect(fileDiff('x\n', null).hunks).toEqual([{ oldStart: 1, oldLines: 1, newStart: 0, newLines: 0, lines: ['-x'] }]);
  });

  it('splits far-apart edits into hunks and replays to the new text', () => {
    const before = lines(200, (index) => `line ${index}`);
    const after = lines(200, (index) => (index % 40 === 0 ? `changed ${index}` : `line ${index}`));
    const diff = fileDiff(before, after);
    expect(diff.hunks).toHaveLength(5);
    expect(diff).toMatchObject({ additions: 5, deletions: 5, approximate: false });
    expect(applyHunks(before, diff)).toBe(after);
  });

  it('answers a 5,000-line rewrite exactly, as all lines out and all lines in', () => {
    const diff = fileDiff(lines(5000, (index) => `old ${index}`), lines(5000, (index) => `new ${index}`));
    expect(diff).toMatchObject({ additions: 5000, deletions: 5000, approximate: false, lines: 10_001 });
  });

  it('finds the edits of half the lines of a 5,000-line file (patience anchors), not a replace-all', () => {
    const before = lines(5000, (index) => `line ${index}`);
    const after = lines(5000, (index) => (index % 2 ? `line ${index}` : `changed ${index}`));
    const diff = fileDiff(before, after);
    expect(diff).toMatchObject({ additions: 2500, deletions: 2500, approximate: false });
    expect(applyHunks(before, diff)).toBe(after);
  });

  it('stops a search past its edit cap and shows that gap as replaced, still correct', () => {
    // No line is unique, so no anchors: the gap goes to Myers, which needs far more than the cap.
    const before = lines(3000, (index) => `x${index % 3}`);
    const after = lines(3000, (index) => `x${(index * 7) % 5}`);
    const diff = fileDiff(before, after);
    expect(diff.approximate).toBe(true);
    expect(applyHunks(before, diff)).toBe(after);
  });

  it('computes each pair of texts once, also for equal texts in new strings', () => {
    const before = lines(50, (index) => `a${index}`);
    const after = lines(50, (index) => (index === 7 ? 'b' : `a${index}`));
    expect(peekFileDiff(before, after)).toBeUndefined();
    const start = countFileDiffComputations();
    const first = fileDiff(before, after);
    expect(fileDiff(before, after)).toBe(first);
    expect(fileDiff(`${before}`.slice(0), [after].join(''))).toBe(first);
    expect(peekFileDiff(before, after)).toBe(first);
    expect(countFileDiffComputations() - start).toBe(1);
  });

  it('replays to the new text for any pair of small texts (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', ''), { maxLength: 40 }).map((parts) => (parts.length ? `${parts.join('\n')}\n` : ''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = fileDiff(before, after);
        expect(applyHunks(before, diff)).toBe(after);
        expect(diff.additions - diff.deletions).toBe(after.split('\n').length - before.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });
});
