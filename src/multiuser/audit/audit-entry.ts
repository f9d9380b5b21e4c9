import type { AuditKind } from '../../protocol/index.js';
import type { AuditEntry } from '../db/index.js';

export type { AuditEntry };

/** Characters kept of a target or an outcome: a 1 MB heredoc command must not become a 1 MB row. */
export const MAX_AUDIT_TEXT_CHARS = 2000;

/** A text cut to MAX_AUDIT_TEXT_CHARS (with an ellipsis), control characters but tab and newline shown as spaces. */
export function boundAuditText(text: string): string {
  // eslint-disable-next-line no-control-regex -- the point is to drop control characters (ANSI escapes, NUL)
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  return clean.length <= MAX_AUDIT_TEXT_CHARS ? clean : `${clean.slice(0, MAX_AUDIT_TEXT_CHARS - 1)}…`;
}

/** Where an entry happened and who caused it; the rest of an entry is kind, target, outcome. */
export type AuditPlace = Pick<AuditEntry, 'accountId' | 'ip' | 'projectId' | 'path' | 'threadKey' | 'turnId'>;

/** One entry at a place. */
export function auditEntry(place: AuditPlace, kind: AuditKind, target: string, outcome: string, at?: string): AuditEntry {
  return { ...place, kind, target: boundAuditText(target), outcome: boundAuditText(outcome), ...(at !== undefined ? { at } : {}) };
}

/**
 * An entry made safe to insert: strings or null (no NUL, which Postgres text refuses), target and
 * outcome bounded, `at` a valid time (else now). One bad row must never block the queue behind it.
 */
export function normalizeAuditEntry(entry: AuditEntry, now: Date): AuditEntry {
  const optional = (value: unknown): string | null => (typeof value === 'string' ? value.split('\u0000').join(' ').slice(0, MAX_AUDIT_TEXT_CHARS) : null);
  const at = typeof entry.at === 'string' && Number.isFinite(Date.parse(entry.at)) ? new Date(entry.at) : now;
  return {
    at: at.toISOString(),
    accountId: optional(entry.accountId),
    ip: optional(entry.ip),
    projectId: optional(entry.projectId),
    path: optional(entry.path),
    threadKey: optional(entry.threadKey),
    turnId: optional(entry.turnId),
    kind: (optional(entry.kind) ?? 'unknown') as AuditEntry['kind'],
    target: boundAuditText(String(entry.target ?? '')),
    outcome: boundAuditText(String(entry.outcome ?? '')),
  };
}
