import { Button, Space } from 'antd';
import type { DiffHunk, HunkReview } from '../../src/activity/index.js';
import { formatTime } from '../common/format.js';

/** The first changed line of a hunk, so the row says which change it is without the full diff. */
function firstChange(hunk: DiffHunk): string {
  const line = hunk.lines.find((each) => each[0] === '+' || each[0] === '-') ?? '';
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}

const DONE: Record<HunkReview['decision'], string> = { keep: 'kept', discard: 'discarded' };

/**
 * One hunk of an edit under review: its number, range and first changed line, then Keep / Discard,
 * or who decided what and when. A discarded hunk is final (its old text is back in the file); a kept
 * one can still be discarded.
 */
export function HunkRow({ index, hunk, review, who, busy, onDecide }: {
  index: number;
  hunk: DiffHunk;
  review: HunkReview | undefined;
  /** The reviewer's display name ("You" for this account). */
  who: string | null;
  busy: boolean;
  onDecide: (decision: HunkReview['decision']) => void;
}) {
  const label = `Hunk ${index + 1}`;
  return (
    <li className="cc-review-hunk" data-hunk={index} data-decision={review?.decision ?? 'open'} style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <strong>{label}</strong>
      <code className="cc-muted">{`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`}</code>
      <code style={{ whiteSpace: 'pre', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '40ch' }}>{firstChange(hunk)}</code>
      {review ? (
        <span role="status">{`${label} ${DONE[review.decision]} by ${who ?? 'someone'} at ${formatTime(review.decidedAt)}`}</span>
      ) : null}
      {review?.decision === 'discard' ? null : (
        <Space size={4}>
          {review ? null : (
            <Button size="small" disabled={busy} onClick={() => onDecide('keep')} aria-label={`Keep hunk ${index + 1}`}>
              Keep
            </Button>
          )}
          <Button size="small" danger disabled={busy} onClick={() => onDecide('discard')} aria-label={`Discard hunk ${index + 1}`}>
            Discard
          </Button>
        </Space>
      )}
    </li>
  );
}
