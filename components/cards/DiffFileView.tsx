import { useMemo, useState } from 'react';
import { Button, Tag } from 'antd';
import { selectFileDiffTotals } from '../../src/activity/index.js';
import type { DiffFile } from '../../src/activity/index.js';
import type { DiffLayout } from '../../stores/view/index.js';
import { DiffHtml } from './DiffHtml.js';
import { patchOf } from './diff-patch.js';

// Bigger diffs render only on request, so a 5,000-line diff never blocks the thread.
const EAGER_LINES = 300;

const CHANGE_TAG: Partial<Record<DiffFile['change'], { color: string; label: string }>> = {
  add: { color: 'success', label: 'new' },
  delete: { color: 'error', label: 'deleted' },
  move: { color: 'blue', label: 'moved' },
};

/** One file of a diff: name, new/deleted/moved mark, +/- counts, and the diff (lazy when large). */
export function DiffFileView({ file, layout }: { file: DiffFile; layout: DiffLayout }) {
  const patch = useMemo(() => patchOf(file), [file]);
  const totals = selectFileDiffTotals(file);
  const [shown, setShown] = useState(patch.lines <= EAGER_LINES);
  const mark = CHANGE_TAG[file.change];
  return (
    <div className="cc-diff-file" data-path={file.path}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <code>{file.movePath ? `${file.path} → ${file.movePath}` : file.path}</code>
        {mark ? <Tag color={mark.color}>{mark.label}</Tag> : null}
        <span style={{ color: '#389e0d' }} aria-label={`${totals.additions} lines added`}>+{totals.additions}</span>
        <span style={{ color: '#cf1322' }} aria-label={`${totals.deletions} lines removed`}>−{totals.deletions}</span>
        {patch.approximate ? <span className="cc-muted">(too many changes for a line diff: shown as replaced)</span> : null}
        <Button size="small" type="link" onClick={() => setShown(!shown)}>
          {shown ? 'Hide diff' : `Show diff (${patch.lines.toLocaleString('en')} lines)`}
        </Button>
      </div>
      {shown ? <DiffHtml patch={patch.patch} layout={layout} /> : null}
    </div>
  );
}
