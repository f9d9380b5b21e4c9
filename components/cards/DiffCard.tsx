import { Fragment } from 'react';
import { Segmented } from 'antd';
import type { FileDiff } from '../../src/activity/index.js';
import { DiffOutlined } from '@ant-design/icons';
import { useStore } from 'zustand';
import { useCodexStores } from '../../stores/provider.js';
import { useCardExpanded } from '../../stores/hooks/useCardExpanded.js';
import { useFileDiffs } from '../../stores/hooks/useFileDiffs.js';
import type { DiffLayout } from '../../stores/view/index.js';
import { CardHeader } from '../common/CardHeader.js';
import { CardShell } from '../common/CardShell.js';
import { StatusTag } from '../common/StatusTag.js';
import type { CardProps } from './card-props.js';
import { DiffFileView } from './DiffFileView.js';
import { FileReview, isReviewable } from '../review/FileReview.js';

const LAYOUTS: Array<{ label: string; value: DiffLayout }> = [
  { label: 'Line by line', value: 'line-by-line' },
  { label: 'Side by side', value: 'side-by-side' },
];

// The +/- part of the title once every file's diff is known (a collapsed card computes none).
function totalsOf(diffs: ReadonlyArray<FileDiff | null>): string {
  let added = 0;
  let removed = 0;
  for (const diff of diffs) {
    if (!diff) return '';
    added += diff.additions;
    removed += diff.deletions;
  }
  return ` +${added} −${removed}`;
}

/** A file edit: per-file +/- counts and marks, diffs computed and rendered by diff2html only when shown, and keep / discard per hunk once the turn ended. */
export function DiffCard({ turnId, item, live }: CardProps<'diff'>) {
  const { view } = useCodexStores();
  const layout = useStore(view, (state) => state.diffLayout);
  const { expanded, toggle } = useCardExpanded(turnId, item.id, true);
  const diffs = useFileDiffs(item.files, expanded);
  const count = item.files.length;
  return (
    <CardShell
      kind="diff"
      label={`Edit: ${item.title}`}
      header={
        <CardHeader
          label="edit"
          icon={<DiffOutlined />}
          title={`${item.title} · ${count} file${count === 1 ? '' : 's'}${totalsOf(diffs)}`}
          expanded={expanded}
          onToggle={toggle}
          extra={<StatusTag status={item.status} />}
        />
      }
    >
      {expanded ? (
        <>
          <Segmented size="small" options={LAYOUTS} value={layout} onChange={(value) => view.getState().setDiffLayout(value as DiffLayout)} />
          {item.files.map((file, index) => (
            <Fragment key={`${index}:${file.path}`}>
              <DiffFileView file={file} layout={layout} diff={diffs[index] ?? null} />
              {isReviewable(item, file, live) ? <FileReview turnId={turnId} item={item} file={file} diff={diffs[index] ?? null} /> : null}
            </Fragment>
          ))}
        </>
      ) : null}
    </CardShell>
  );
}
