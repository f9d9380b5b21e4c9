import { useEffect, useState } from 'react';
import { fileDiff, peekFileDiff } from '../../src/activity/index.js';
import type { DiffFile, FileDiff } from '../../src/activity/index.js';

type Idle = { schedule: (run: () => void) => number; cancel: (handle: number) => void };

// jsdom (tests) has no requestIdleCallback; a zero timeout still keeps the work off the render.
const idle: Idle =
  typeof requestIdleCallback === 'function'
    ? { schedule: (run) => requestIdleCallback(run, { timeout: 200 }), cancel: (handle) => cancelIdleCallback(handle) }
    : { schedule: (run) => setTimeout(run, 0) as unknown as number, cancel: (handle) => clearTimeout(handle) };

/**
 * The files' diffs, each null until known. Never computed during render: when `enabled` (the card
 * is expanded) the missing ones are computed in the next idle period; a collapsed card only reads
 * diffs something else already computed, so it costs nothing.
 */
export function useFileDiffs(files: readonly DiffFile[], enabled: boolean): Array<FileDiff | null> {
  const [computed, setComputed] = useState<{ files: readonly DiffFile[]; diffs: FileDiff[] } | null>(null);
  const known = files.map((file) => peekFileDiff(file.oldText, file.newText) ?? null);
  const missing = known.some((diff) => diff === null);
  useEffect(() => {
    if (!enabled || !missing) return;
    const handle = idle.schedule(() => setComputed({ files, diffs: files.map((file) => fileDiff(file.oldText, file.newText)) }));
    return () => idle.cancel(handle);
  }, [enabled, missing, files]);
  if (computed?.files === files) return computed.diffs;
  return known;
}
