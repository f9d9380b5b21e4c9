// Turn events -> audit rows: one row per tool call at its final status (not one per update), one per
// decided permission request, and the turn's start and end. The tool calls are folded with the
// activity reducer (the ACP translation boundary), so what the audit says matches what the cards show.
import { applyTurnEvent, createTurnView, isOpenStatus, type ItemId, type TurnView } from '../../activity/index.js';
import type { TurnEvent } from '../../protocol/index.js';
import { auditEntry, type AuditEntry, type AuditPlace } from './audit-entry.js';
import { projectRelativeCommand } from './project-path.js';
import { auditOfPermission, auditOfToolItem, isAuditedTool } from './tool-call-audit.js';

/** The turn an event belongs to. `accountId`: who started it; `root`: the project folder, stripped from paths. */
export type TurnAuditMeta = {
  projectId: string | null;
  path: string | null;
  threadKey: string | null;
  turnId: string;
  accountId: string | null;
  ip?: string | null;
  root?: string;
};

/** What the audit remembers of one turn between its events (create one per turn, drop it when the turn ended). */
export type TurnAuditState = {
  view: TurnView;
  /** Tool calls and permission requests not yet final (their rows are still to come). */
  watched: Set<ItemId>;
  itemsSeen: number;
  started: boolean;
  ended: boolean;
};

/** A fresh state for a turn's first event. */
export function createTurnAuditState(): TurnAuditState {
  return { view: createTurnView(), watched: new Set(), itemsSeen: 0, started: false, ended: false };
}

/**
 * The audit rows one turn event adds. Deterministic: reads only its arguments and the state, which it
 * advances. An event with seq <= the last one seen (a replay, a duplicate) adds nothing.
 */
export function auditOfTurnEvent(event: TurnEvent, meta: TurnAuditMeta, state: TurnAuditState): AuditEntry[] {
  const { view } = state;
  if (event.seq <= view.lastSeq) return [];
  applyTurnEvent(view, event);
  const at = Number.isFinite(event.t) ? new Date(event.t).toISOString() : undefined;
  const place: AuditPlace = {
    accountId: meta.accountId,
    ip: meta.ip ?? null,
    projectId: meta.projectId,
    path: meta.path,
    threadKey: meta.threadKey,
    turnId: meta.turnId,
  };
  const rows: AuditEntry[] = [];
  if (!state.started && view.startedAt !== null) {
    state.started = true;
    rows.push(auditEntry(place, 'turn', 'start', 'started', at));
  }
  for (const id of view.order.slice(state.itemsSeen)) state.watched.add(id);
  state.itemsSeen = view.order.length;
  // A decision comes before the tool call it settles (a rejection finishes both in one event).
  const toolRows: AuditEntry[] = [];
  for (const id of state.watched) {
    const item = view.items[id];
    const stamp = at ?? new Date(item.updatedAt).toISOString();
    if (item.kind === 'permission') {
      if (item.state === 'pending') continue;
      rows.push(auditOfPermission(item, place, meta.root, stamp));
    } else if (isAuditedTool(item)) {
      if (isOpenStatus(item.status)) continue;
      toolRows.push(...auditOfToolItem(item, place, meta.root, stamp));
    }
    state.watched.delete(id);
  }
  rows.push(...toolRows);
  const end = turnEndOutcome(event, state, meta.root);
  if (end !== null) rows.push(auditEntry(place, 'turn', 'end', end, at));
  return rows;
}

/** Every audit row of a whole turn log, in order (a replay, a test). */
export function auditOfTurnEvents(events: readonly TurnEvent[], meta: TurnAuditMeta): AuditEntry[] {
  const state = createTurnAuditState();
  return events.flatMap((event) => auditOfTurnEvent(event, meta, state));
}

// The first of result, error or a final status ends the turn; its stop reason (or error) is the outcome.
function turnEndOutcome(event: TurnEvent, state: TurnAuditState, root: string | undefined): string | null {
  if (state.ended) return null;
  let outcome: string | null = null;
  if (event.type === 'result') outcome = event.killed ? `${event.stopReason} (killed)` : event.stopReason;
  else if (event.type === 'error') outcome = `error: ${projectRelativeCommand(event.message, root)}`;
  else if (event.type === 'status' && (event.state === 'completed' || event.state === 'cancelled' || event.state === 'failed')) outcome = event.state;
  if (outcome !== null) state.ended = true;
  return outcome;
}
