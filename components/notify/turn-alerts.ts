import type { PendingApproval, RunningTurnRef } from '../../stores/inbox/index.js';
import type { TurnState } from '../../src/protocol/index.js';

/** Something a user away from the page wants to know: a turn waits for them, finished, or failed. */
export type TurnAlert = { kind: 'waiting' | 'done' | 'failed'; key: string; threadKey: string; threadLabel: string; detail: string };

/** What the alerts are computed from: the running turns and the pending approvals at one moment. */
export type AlertSnapshot = { running: readonly RunningTurnRef[]; pending: readonly PendingApproval[] };

/**
 * The alerts between two snapshots: every approval that was not pending before, and every turn that
 * left the running set with a final state of completed (done) or failed/interrupted (failed). A
 * cancelled turn was stopped by someone on purpose, so it raises nothing. `finalState` reads the
 * turn's agent row now (undefined when the row is gone).
 */
export function detectAlerts(before: AlertSnapshot, after: AlertSnapshot, finalState: (ref: RunningTurnRef) => TurnState | undefined): TurnAlert[] {
  const alerts: TurnAlert[] = [];
  const pendingBefore = new Set(before.pending.map((approval) => approval.key));
  for (const approval of after.pending) {
    if (pendingBefore.has(approval.key)) continue;
    alerts.push({ kind: 'waiting', key: approval.key, threadKey: approval.threadKey, threadLabel: approval.threadLabel, detail: approval.item.title || 'The agent asks for permission' });
  }
  const runningAfter = new Set(after.running.map((ref) => ref.turnId));
  for (const ref of before.running) {
    if (runningAfter.has(ref.turnId)) continue;
    const state = finalState(ref);
    const kind = state === 'completed' ? 'done' : state === 'failed' || state === 'interrupted' ? 'failed' : null;
    if (kind) alerts.push({ kind, key: ref.turnId, threadKey: ref.threadKey, threadLabel: ref.threadLabel, detail: kind === 'done' ? 'The agent finished its turn' : 'The turn failed' });
  }
  return alerts;
}

/** The notification's title for an alert. */
export function alertTitle(alert: TurnAlert): string {
  const what = alert.kind === 'waiting' ? 'Waiting for your approval' : alert.kind === 'done' ? 'Turn finished' : 'Turn failed';
  return `${what}: ${alert.threadLabel}`;
}
