import { useMemo, useState } from 'react';
import { Button, Tag } from 'antd';
import type { DiffFile, FileDiff } from '../../src/activity/index.js';
import { useFileDiffs } from '../../stores/hooks/useFileDiffs.js';
import type { DiffLayout } from '../../stores/view/index.js';
import { DiffHtml } from './DiffHtml.js';
import { DiffTooLarge } from './DiffTooLarge.js';
import { patchOf } from './diff-patch.js';

// Bigger diffs render only on request, so a long diff never blocks the thread.
const EAGER_LINES = 300;

const CHANGE_TAG: Partial<Record<DiffFile['change'], { color: string; label: string }>> = {
  add: { color: 'success', label: 'new' },
  delete: { color: 'error', label: 'deleted' },
  move: { color: 'blue', label: 'moved' },
};

/**
 * One file of a diff: name, new/deleted/moved mark, +/- counts, and the diff (lazy when large, plain
 * texts when too large). `diff` when the card already has it; otherwise computed after first paint.
 */
export function DiffFileView({ file, layout, diff }: { file: DiffFile; layout: DiffLayout; diff?: FileDiff | null }) {
  const files = useMemo(() => [file], [file]);
  const [own] = useFileDiffs(files, diff === undefined);
  const known = diff ?? own ?? null;
  const mark = CHANGE_TAG[file.change];
  return (
    <div className="cc-diff-file" data-path={file.path}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <code>{file.movePath ? `${file.path} → ${file.movePath}` : file.path}</code>
        {mark ? <Tag color={mark.color}>{mark.label}</Tag> : null}
        {known ? (
          <>
            <span style={{ color: 'var(--cc-diff-added-text, #1a7f37)' }} aria-label={`${known.additions} lines added`}>+{known.additions}</span>
            <span style={{ color: 'var(--cc-diff-removed-text, #cf1322)' }} aria-label={`${known.deletions} lines removed`}>−{known.deletions}</span>
          </>
        ) : (
          <span className="cc-muted" role="status">computing diff…</span>
        )}
      </div>
      {known ? <FilePatchView file={file} diff={known} layout={layout} /> : null}
    </div>
  );
}

function FilePatchView({ file, diff, layout }: { file: DiffFile; diff: FileDiff; layout: DiffLayout }) {
  const patch = patchOf(file, diff);
  const [shown, setShown] = useState(patch.lines <= EAGER_LINES);
  if (patch.tooLarge) return <DiffTooLarge file={file} lines={patch.lines} />;
  return (
    <>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        {patch.approximate ? <span className="cc-muted">(too many changes for a line diff: shown as replaced)</span> : null}
        <Button size="small" type="link" onClick={() => setShown(!shown)}>
          {shown ? 'Hide diff' : `Show diff (${patch.lines.toLocaleString('en')} lines)`}
        </Button>
      </div>
      {shown ? <DiffHtml patch={patch.patch} layout={layout} /> : null}
    </>
  );
}
