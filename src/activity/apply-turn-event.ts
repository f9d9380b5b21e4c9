import { TURN_STATES } from '../protocol/index.js';
import type { TurnState } from '../protocol/index.js';
import { addNotice } from './cards/notice.js';
import { applyPermission } from './cards/permission.js';
import { applyReview } from './cards/review.js';
import { addUnknownItem, recordUnhandled } from './cards/unknown.js';
import { applyUpdate } from './apply-update.js';
import { asArray, asNumber, asRecord, asString, describeValue } from './read-wire.js';
import { translatePermission } from './translate-permission.js';
import { closeOpenItems } from './turn-end.js';
import type { TurnView } from './types.js';

const FINAL_STATES: ReadonlySet<TurnState> = new Set(['completed', 'cancelled', 'failed']);

/**
 * Applies one turn event to a view: an Immer recipe (call it on a draft, or use reduceTurnEvents).
 * Pure and incremental: reads only its arguments, costs O(size of the event) (closing open items
 * at the end of a turn walks the items once). Events with seq <= lastSeq change nothing; wire data
 * that does not fit becomes an `unknown` item or an `unhandled` entry, never a throw.
 */
export function applyTurnEvent(view: TurnView, value: unknown): void {
  const event = asRecord(value);
  const seq = asNumber(event?.seq);
  if (event === null || seq === null || !Number.isInteger(seq) || seq < 0) {
    recordUnhandled(view, -1, 'event without an integer seq >= 0');
    return;
  }
  if (seq <= view.lastSeq) return;
  view.lastSeq = seq;
  // An event without a usable time takes the latest known one, so items stay ordered in time.
  const t = asNumber(event.t) ?? view.endedAt ?? view.startedAt ?? 0;
  switch (event.type) {
    case 'status':
      return applyStatus(view, event, seq, t);
    case 'prompt':
      view.prompt = (asArray(event.prompt) ?? []).filter((block) => asRecord(block) !== null) as TurnView['prompt'];
      return;
    case 'update':
      return applyUpdate(view, event.update, seq, t);
    case 'permission': {
      const change = translatePermission(event);
      if ('problem' in change) return addUnknownItem(view, seq, t, 'permission', event, change.problem);
      return applyPermission(view, change, t);
    }
    case 'result':
      return applyResult(view, event, t);
    case 'error':
      view.error = { message: asString(event.message) ?? 'unknown error', ...readCode(event.code) };
      return closeOpenItems(view, 'failed', t);
    case 'session':
      return applySession(view, event);
    case 'notice': {
      const level = event.level === 'warning' || event.level === 'error' ? event.level : 'info';
      return addNotice(view, { level, message: asString(event.message) ?? '' }, seq, t);
    }
    case 'review':
      return applyReview(view, event, seq, t);
    default:
      return addUnknownItem(view, seq, t, `event ${describeValue(event.type)}`, value, `unknown event type "${describeValue(event.type)}"`);
  }
}

function applyStatus(view: TurnView, event: Record<string, unknown>, seq: number, t: number): void {
  const state = TURN_STATES.find((value) => value === event.state);
  if (state === undefined) return recordUnhandled(view, seq, `status event with unknown state "${describeValue(event.state)}"`);
  view.state = state;
  const by = asString(event.by);
  if (state === 'stopping' && by) view.interruptedBy = by;
  // The turn starts when it leaves the queue: "Worked for" must not count the wait (issue 15.10).
  if (view.startedAt === null && state !== 'queued') view.startedAt = t;
  if (!FINAL_STATES.has(state)) return;
  view.endedAt = t;
  closeOpenItems(view, state === 'cancelled' || view.stopReason === 'cancelled' ? 'cancelled' : 'failed', t);
}

function applyResult(view: TurnView, event: Record<string, unknown>, t: number): void {
  view.stopReason = asString(event.stopReason) ?? 'unknown';
  if (event.killed === true) view.killed = true;
  const usage = asRecord(event.usage);
  if (usage) {
    const cachedRead = asNumber(usage.cachedReadTokens);
    const thought = asNumber(usage.thoughtTokens);
    view.tokens = {
      input: asNumber(usage.inputTokens) ?? 0,
      output: asNumber(usage.outputTokens) ?? 0,
      total: asNumber(usage.totalTokens) ?? 0,
      ...(cachedRead !== null ? { cachedRead } : {}),
      ...(thought !== null ? { thought } : {}),
    };
  }
  closeOpenItems(view, view.stopReason === 'cancelled' ? 'cancelled' : 'failed', t);
}

function applySession(view: TurnView, event: Record<string, unknown>): void {
  view.sessionId = asString(event.sessionId) ?? view.sessionId;
  const configOptions = asArray(event.configOptions);
  if (configOptions) view.configOptions = configOptions.filter((option) => asRecord(option) !== null) as TurnView['configOptions'];
  const modeId = asString(asRecord(event.modes)?.currentModeId);
  if (modeId !== null) view.currentModeId = modeId;
}

function readCode(code: unknown): { code?: string | number } {
  return typeof code === 'string' || asNumber(code) !== null ? { code: code as string | number } : {};
}
