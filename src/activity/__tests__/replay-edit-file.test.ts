import { selectDiffTotals, selectFilesTouched } from '../diff-totals.js';
import { selectItems } from '../selectors.js';
import type { DiffItem } from '../types.js';
import { replayFixture } from './replay-helpers.js';

describe('replay edit-file.jsonl', () => {
  const view = replayFixture('edit-file');

  it('shows one diff item with two files, one of them new', () => {
    const diffs = selectItems(view).filter((item): item is DiffItem => item.kind === 'diff');
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ title: 'Editing files', status: 'completed', toolKind: 'edit' });
    expect(diffs[0].files).toEqual([
      { path: 'a.txt', oldText: 'content\n', newText: 'content changed\nand a new line\n', change: 'update' },
      { path: 'notes.md', oldText: null, newText: '# Notes\n\nfirst line\n', change: 'add' },
    ]);
  });

  it('lists the files touched and their +/- line counts', () => {
    expect(selectFilesTouched(view)).toEqual(['a.txt', 'notes.md']);
    expect(selectDiffTotals(view)).toEqual({
      files: [
        { path: 'a.txt', change: 'update', additions: 2, deletions: 1 },
        { path: 'notes.md', change: 'add', additions: 3, deletions: 0 },
      ],
      additions: 5,
      deletions: 1,
    });
  });
});
