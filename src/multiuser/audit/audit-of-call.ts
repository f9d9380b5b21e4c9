// acp-api calls -> audit rows: interrupts, config changes, settings and credential changes, and the
// failures of approvals. Params are read defensively (the router may call this for a refused call
// whose params never passed their checks). A credential's key is never read, only which agent.
import type { ClientContext } from '../../hub/types.js';
import type { AuditKind } from '../../protocol/index.js';
import { auditEntry, type AuditEntry, type AuditPlace } from './audit-entry.js';

/** How a call ended: its result, or the error message it was answered with. */
export type CallOutcome = { ok: true; result?: unknown } | { ok: false; message: string };

type Caller = Pick<ClientContext, 'accountId'> & { ip?: string };

/**
 * The rows of one call (none for a method the audit does not record). permission.respond records
 * only a failure: a decision that took becomes the turn's permission event, whose row (from
 * auditOfTurnEvent) says who chose which option for which tool call, so each decision is one row.
 */
export function auditOfCall(method: string, params: unknown, context: Caller, outcome: CallOutcome): AuditEntry[] {
  const input = record(params);
  const place = placeOf(input, context);
  const ended = outcome.ok ? okText(method, outcome.result) : `failed: ${outcome.message}`;
  const row = (kind: AuditKind, target: string): AuditEntry[] => [auditEntry(place, kind, target, ended)];
  switch (method) {
    case 'permission.respond':
      return outcome.ok ? [] : row('approval', `${text(input.optionId) ?? '?'} for request ${text(input.requestId) ?? '?'}`);
    case 'turn.interrupt':
    case 'queue.sendNow':
      return row('interrupt', method);
    case 'session.setOption':
      return row('config', `${text(input.configId) ?? '?'} = ${valueText(input.value)}`);
    case 'chat.set':
      return configRowsOfChatSet(input, place, ended);
    case 'settings.set':
      return row('settings', `settings: ${Object.keys(record(input.settings)).sort().join(', ') || '(none)'}`);
    case 'credentials.set':
      return row('credentials', `${agentOf(input)}: own key set`);
    case 'credentials.clear':
      return row('credentials', `${agentOf(input)}: own key removed`);
    case 'credentials.setSite':
      return row('credentials', `${agentOf(input)}: site key ${input.apiKey === null ? 'removed' : 'set'}`);
    default:
      return [];
  }
}

/** The row of a call the router refused (unknown project, not a member, a viewer sending, bad params). */
export function auditOfRefusal(method: string, params: unknown, context: Caller, reason: string): AuditEntry {
  return auditEntry(placeOf(record(params), context), 'refused', method, reason);
}

function placeOf(input: Record<string, unknown>, context: Caller): AuditPlace {
  return {
    accountId: context.accountId,
    ip: context.ip ?? null,
    projectId: text(input.project),
    path: text(input.path),
    threadKey: text(input.threadKey),
    turnId: text(input.turnId),
  };
}

/** The session-config modal saves a thread's `acp_config` with chat.set: one config row per thread it changed. */
function configRowsOfChatSet(input: Record<string, unknown>, place: AuditPlace, ended: string): AuditEntry[] {
  const rows = Array.isArray(input.rows) ? input.rows : [];
  return rows.flatMap((candidate) => {
    const config = record(record(candidate).acp_config);
    const fields = CONFIG_FIELDS.flatMap((field) => (typeof config[field] === 'string' && config[field] !== '' ? [`${field}=${String(config[field])}`] : []));
    if (fields.length === 0) return [];
    const date = Date.parse(text(record(candidate).date) ?? '');
    const threadKey = Number.isNaN(date) ? place.threadKey : String(date);
    return [auditEntry({ ...place, threadKey }, 'config', `session config: ${fields.join(', ')}`, ended)];
  });
}
const CONFIG_FIELDS = ['agent', 'model', 'reasoning', 'sessionMode', 'workingDirectory'] as const;

function okText(method: string, result: unknown): string {
  // session.setOption says whether the live session took it now or at the next turn.
  const applied = method === 'session.setOption' ? text(record(result).applied) : null;
  return applied ? `ok (${applied})` : 'ok';
}

function agentOf(input: Record<string, unknown>): string {
  return text(input.agent) ?? '?';
}

function valueText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? JSON.stringify(value) : '?';
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
