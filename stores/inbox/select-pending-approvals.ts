import { selectPendingPermissions } from '../../src/activity/index.js';
import type { PermissionItem, TurnView } from '../../src/activity/index.js';
import type { RunningTurnRef } from './select-running-turns.js';

/** One approval waiting for someone: the request (as its card shows it) and the thread it blocks. */
export type PendingApproval = {
  /** `turnId` + requestId, unique across the chat. */
  key: string;
  turnId: string;
  threadKey: string;
  threadLabel: string;
  item: PermissionItem;
  /** Paths of the files an edit asks to change (from the edit card of the same tool call, else the request). */
  files: string[];
};

const EMPTY: readonly PendingApproval[] = Object.freeze([]);
const byView = new WeakMap<TurnView, PermissionItem[]>();

function pendingOf(view: TurnView): PermissionItem[] {
  let pending = byView.get(view);
  if (!pending) {
    pending = selectPendingPermissions(view);
    byView.set(view, pending);
  }
  return pending;
}

function filesOf(view: TurnView, item: PermissionItem): string[] {
  const edit = item.toolCallId ? view.items[item.toolCallId] : undefined;
  if (edit?.kind === 'diff' && edit.files.length > 0) return edit.files.map((file) => file.path);
  const content = Array.isArray(item.toolCall.content) ? (item.toolCall.content as unknown[]) : [];
  return content.flatMap((entry) => {
    const diff = entry as { type?: unknown; path?: unknown } | null;
    return diff?.type === 'diff' && typeof diff.path === 'string' ? [diff.path] : [];
  });
}

/**
 * Every pending permission request of the running turns, in the order of `running` (newest thread
 * first), then the turn's own order. `views[i]` is the view of `running[i]`; a turn whose log is
 * not loaded yet (undefined) has none.
 */
export function selectPendingApprovals(running: readonly RunningTurnRef[], views: readonly (TurnView | undefined)[]): readonly PendingApproval[] {
  const list: PendingApproval[] = [];
  for (const [index, ref] of running.entries()) {
    const view = views[index];
    if (!view) continue;
    for (const item of pendingOf(view)) {
      list.push({ key: `${ref.turnId}\u0000${item.requestId}`, turnId: ref.turnId, threadKey: ref.threadKey, threadLabel: ref.threadLabel, item, files: filesOf(view, item) });
    }
  }
  return list.length === 0 ? EMPTY : list;
}
