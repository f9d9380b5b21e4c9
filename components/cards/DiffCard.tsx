import { Segmented } from 'antd';
import { selectFileDiffTotals } from '../../src/activity/index.js';
import type { DiffFile } from '../../src/activity/index.js';
import { DiffOutlined } from '@ant-design/icons';
import { useStore } from 'zustand';
import { useCodexStores } from '../../stores/provider.js';
import { useCardExpanded } from '../../stores/hooks/useCardExpanded.js';
import type { DiffLayout } from '../../stores/view/index.js';
import { CardHeader } from '../common/CardHeader.js';
import { CardShell } from '../common/CardShell.js';
import { StatusTag } from '../common/StatusTag.js';
import type { CardProps } from './card-props.js';
import { DiffFileView } from './DiffFileView.js';

const LAYOUTS: Array<{ label: string; value: DiffLayout }> = [
  { label: 'Line by line', value: 'line-by-line' },
  { label: 'Side by side', value: 'side-by-side' },
];

function totalsOf(files: readonly DiffFile[]) {
  let added = 0;
  let removed = 0;
  for (const file of files) {
    const totals = selectFileDiffTotals(file);
    added += totals.additions;
    removed += totals.deletions;
  }
  return { files: files.length, added, removed };
}

/** A file edit: per-file +/- counts and marks, diffs rendered by diff2html only when shown. */
export function DiffCard({ turnId, item }: CardProps<'diff'>) {
  const { view } = useCodexStores();
  const layout = useStore(view, (state) => state.diffLayout);
  const { expanded, toggle } = useCardExpanded(turnId, item.id, true);
  const totals = totalsOf(item.files);
  return (
    <CardShell
      kind="diff"
      label={`Edit: ${item.title}`}
      header={
        <CardHeader
          label="edit"
          icon={<DiffOutlined />}
          title={`${item.title} · ${totals.files} file${totals.files === 1 ? '' : 's'} +${totals.added} −${totals.removed}`}
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
            <DiffFileView key={`${index}:${file.path}`} file={file} layout={layout} />
          ))}
        </>
      ) : null}
    </CardShell>
  );
}
