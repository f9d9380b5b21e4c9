import { useState } from 'react';
import { Button } from 'antd';
import type { TurnView } from '../../src/activity/index.js';
import { ReviewChangesPanel, reviewableEdits } from './ReviewChangesPanel.js';

/** The turn footer's "Review changes" button (only for a turn with applied edits) and its panel. */
export function ReviewChangesButton({ turnId, view }: { turnId: string; view: TurnView }) {
  const [open, setOpen] = useState(false);
  if (reviewableEdits(view).length === 0) return null;
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} style={{ padding: 0, height: 'auto', fontSize: 12 }}>
        Review changes
      </Button>
      {open ? <ReviewChangesPanel turnId={turnId} view={view} open onClose={() => setOpen(false)} /> : null}
    </>
  );
}
