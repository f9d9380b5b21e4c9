import { Alert } from 'antd';
import type { ReviewConflict } from '../../stores/hooks/useHunkReview.js';

/** A refused discard: the file changed since the agent's edit, so nothing was written; its text now. */
export function FileChangedNotice({ path, conflict }: { path: string; conflict: ReviewConflict }) {
  return (
    <Alert
      type="warning"
      showIcon
      message={`Not discarded: ${conflict.message}. Nothing was written; this is ${path} now.`}
      description={
        conflict.currentText === null ? (
          <em>The file does not exist any more.</em>
        ) : (
          <pre aria-label={`Current text of ${path}`} style={{ maxHeight: 240, overflow: 'auto', margin: 0 }}>
            {conflict.currentText}
          </pre>
        )
      }
    />
  );
}
