import type { TurnEvent } from '../../protocol/index.js';
import type { TurnEventOrigin } from '../../hub/workspace-scope.js';
import { auditOfTurnEvent, createTurnAuditState, type AuditLog, type TurnAuditState } from '../audit/index.js';

/** Turns whose audit state is kept at once at most (a turn's state goes when it ends; this bounds turns that never end). */
const MAX_TRACKED_TURNS = 10_000;

/**
 * The audit of one project's turn events: each appended event goes through auditOfTurnEvent with
 * the turn's folded state, and its rows to the audit log. Never throws (the turn goes on).
 */
export function createTurnAudit(audit: AuditLog, projectId: string, root: string) {
  const states = new Map<string, TurnAuditState>();
  return (event: TurnEvent, origin: TurnEventOrigin): void => {
    let state = states.get(origin.turnId);
    if (!state) {
      if (states.size >= MAX_TRACKED_TURNS) states.delete(states.keys().next().value as string);
      state = createTurnAuditState();
      states.set(origin.turnId, state);
    }
    const meta = { projectId, path: origin.path || null, threadKey: origin.threadKey || null, turnId: origin.turnId, accountId: origin.accountId, root };
    for (const entry of auditOfTurnEvent(event, meta, state)) audit.record(entry);
    if (state.ended) states.delete(origin.turnId);
  };
}
