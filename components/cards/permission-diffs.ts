import type { DiffFile } from '../../src/activity/index.js';

type DiffContent = { type: 'diff'; path: string; oldText?: string | null; newText?: string | null };

function isDiffContent(value: unknown): value is DiffContent {
  const candidate = value as Partial<DiffContent> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.type === 'diff' && typeof candidate.path === 'string';
}

/** The diffs a permission request carries in its tool call's content (an edit asking approval). */
export function permissionDiffs(toolCall: Record<string, unknown>): DiffFile[] {
  const content = Array.isArray(toolCall.content) ? toolCall.content : [];
  return content.filter(isDiffContent).map((entry) => {
    const oldText = typeof entry.oldText === 'string' ? entry.oldText : null;
    const newText = typeof entry.newText === 'string' ? entry.newText : '';
    return { path: entry.path, oldText, newText, change: oldText === null ? 'add' : 'update' };
  });
}
