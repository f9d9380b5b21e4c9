import { Modal } from 'antd';
import { selectItems } from '../../src/activity/index.js';
import type { DiffItem, TurnView } from '../../src/activity/index.js';
import { useFileDiffs } from '../../stores/hooks/useFileDiffs.js';
import { FileReview, isReviewable } from './FileReview.js';

/** The applied edits of a turn, oldest first (what "Review changes" lists). */
export function reviewableEdits(view: TurnView): DiffItem[] {
  return selectItems(view).filter((item): item is DiffItem => item.kind === 'diff' && item.files.some((file) => isReviewable(item, file, false)));
}

/** One edit of the turn in the panel: each of its files with its hunks and their buttons. */
function EditReview({ turnId, item }: { turnId: string; item: DiffItem }) {
  const diffs = useFileDiffs(item.files, true);
  return (
    <>
      {item.files.map((file, index) =>
        isReviewable(item, file, false) ? (
          <div key={`${index}:${file.path}`} style={{ marginBottom: 12 }}>
            <div>
              <code>{file.path}</code> <span className="cc-muted">{item.title}</span>
            </div>
            {diffs[index] ? <FileReview turnId={turnId} item={item} file={file} diff={diffs[index]} /> : <span className="cc-muted" role="status">computing diff…</span>}
          </div>
        ) : null,
      )}
    </>
  );
}

/** "Review changes": every file the turn changed, with keep / discard per hunk and per file. */
export function ReviewChangesPanel({ turnId, view, open, onClose }: { turnId: string; view: TurnView; open: boolean; onClose: () => void }) {
  const edits = reviewableEdits(view);
  return (
    <Modal title="Review changes" open={open} onCancel={onClose} footer={null} width={900} destroyOnHidden>
      {edits.length === 0 ? <p>This turn changed no files.</p> : edits.map((item) => <EditReview key={item.id} turnId={turnId} item={item} />)}
    </Modal>
  );
}
