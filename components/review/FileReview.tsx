import { Alert, Button, Space } from 'antd';
import type { DiffFile, DiffItem, FileDiff, HunkReview } from '../../src/activity/index.js';
import { useHunkReview } from '../../stores/hooks/useHunkReview.js';
import { FileChangedNotice } from './FileChangedNotice.js';
import { HunkRow } from './HunkRow.js';
import { useReviewerName } from './useReviewerName.js';

/** Whether a file of an edit can be reviewed per hunk: an applied edit of an ended turn, not a move. */
export function isReviewable(item: DiffItem, file: DiffFile, live: boolean): boolean {
  return !live && item.status === 'completed' && file.change !== 'move';
}

/**
 * Keep or discard each hunk of one file of an agent's edit, or the whole file. The decisions come
 * from the turn (its `review` events, so every tab and a reload show the same); a discard the hub
 * refused shows the file's current text instead.
 */
export function FileReview({ turnId, item, file, diff }: { turnId: string; item: DiffItem; file: DiffFile; diff: FileDiff | null }) {
  const { review, sending, conflict, error } = useHunkReview(turnId, item.id, file.path);
  const reviewerName = useReviewerName();
  if (!diff || diff.hunks.length === 0) return null;
  const decided = item.reviews?.[file.path] ?? {};
  const indexes = diff.hunks.map((_, index) => index);
  const open = indexes.filter((index) => !decided[index]);
  const notDiscarded = indexes.filter((index) => decided[index]?.decision !== 'discard');
  return (
    <section className="cc-file-review" aria-label={`Review ${file.path}`} data-path={file.path}>
      <Space size={8} wrap>
        <span className="cc-muted">{summary(indexes.length, decided)}</span>
        {open.length > 0 ? (
          <Button size="small" disabled={sending} onClick={() => void review(open, 'keep')} aria-label={`Keep every hunk of ${file.path}`}>
            Keep file
          </Button>
        ) : null}
        {notDiscarded.length > 0 ? (
          <Button size="small" danger disabled={sending} onClick={() => void review(notDiscarded, 'discard')} aria-label={`Discard every hunk of ${file.path}`}>
            Discard file
          </Button>
        ) : null}
      </Space>
      <ol style={{ listStyle: 'none', padding: 0, margin: '4px 0' }}>
        {diff.hunks.map((hunk, index) => {
          const decision = decided[index];
          return (
            <HunkRow
              key={index}
              index={index}
              hunk={hunk}
              review={decision}
              who={decision ? reviewerName(decision.decidedBy) : null}
              busy={sending}
              onDecide={(choice) => void review([index], choice)}
            />
          );
        })}
      </ol>
      {conflict ? <FileChangedNotice path={file.path} conflict={conflict} /> : null}
      {error ? <Alert type="error" showIcon message={`Review failed: ${error}`} /> : null}
    </section>
  );
}

function summary(total: number, decided: Record<number, HunkReview>): string {
  const values = Object.values(decided);
  const discarded = values.filter((each) => each.decision === 'discard').length;
  const kept = values.length - discarded;
  const parts = [discarded > 0 ? `${discarded} discarded` : '', kept > 0 ? `${kept} kept` : '', total - values.length > 0 ? `${total - values.length} to review` : ''];
  return `${total} hunk${total === 1 ? '' : 's'}: ${parts.filter(Boolean).join(', ')}`;
}
