import { useState } from 'react';
import { Button } from 'antd';
import type { DiffFile } from '../../src/activity/index.js';

type Shown = 'none' | 'new' | 'old' | 'both';

const TEXT_STYLE = { background: 'var(--cc-code-background, #f5f5f5)', color: 'var(--cc-code-text)', padding: 6, margin: 0, overflow: 'auto', maxHeight: 480, flex: 1, minWidth: 0 } as const;

/** The fallback for a diff too large to draw: say so, and offer the new file, the old one, or both as plain text. */
export function DiffTooLarge({ file, lines }: { file: DiffFile; lines: number }) {
  const [shown, setShown] = useState<Shown>('none');
  const toggle = (next: Shown) => setShown(shown === next ? 'none' : next);
  const both = file.oldText !== null && file.newText !== null;
  return (
    <div className="cc-diff-too-large">
      <div role="note" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <span className="cc-muted">{`Diff too large to show (${lines.toLocaleString('en')} lines).`}</span>
        {file.newText !== null ? <Button size="small" type="link" onClick={() => toggle('new')}>{shown === 'new' ? 'Hide the new file' : 'Show the new file'}</Button> : null}
        {file.newText === null && file.oldText !== null ? <Button size="small" type="link" onClick={() => toggle('old')}>{shown === 'old' ? 'Hide the old file' : 'Show the old file'}</Button> : null}
        {both ? <Button size="small" type="link" onClick={() => toggle('both')}>{shown === 'both' ? 'Hide both' : 'Show both'}</Button> : null}
      </div>
      {shown === 'new' ? <pre aria-label="New file" style={TEXT_STYLE}>{file.newText}</pre> : null}
      {shown === 'old' ? <pre aria-label="Old file" style={TEXT_STYLE}>{file.oldText}</pre> : null}
      {shown === 'both' ? (
        <div style={{ display: 'flex', gap: 8 }}>
          <pre aria-label="Old file" style={TEXT_STYLE}>{file.oldText}</pre>
          <pre aria-label="New file" style={TEXT_STYLE}>{file.newText}</pre>
        </div>
      ) : null}
    </div>
  );
}
