import type { IncomingMessage } from 'node:http';
import type { AuditRow } from '../../protocol/index.js';
import { SESSION_TTL_MS, type Database } from '../db/index.js';
import { createFailureLimiter, type FailureLimit, type FailureLimiter } from './failure-limiter.js';

/** A login or logout row for the audit log (AuditRow without id; `at` defaults to now). */
export type LoginAuditEntry = Omit<AuditRow, 'id' | 'at'> & { at?: string };

/** Anything with `record(entry)`, e.g. the multiuser AuditLog; it must not throw or block. */
export type AuditSink = { record(entry: LoginAuditEntry): void };

/** What createLoginService takes. */
export type LoginServiceOptions = {
  db: Database;
  audit?: AuditSink;
  /** Sliding session lifetime (default 14 days). */
  sessionTtlMs?: number;
  /** Mark the cookie Secure (the hub is behind https). */
  secureCookies?: boolean;
  /** Failed logins allowed per email (default 5 in 15 minutes). */
  emailLimit?: FailureLimit;
  /** Failed logins allowed per client IP (default 20 in 15 minutes: several people may share one). */
  ipLimit?: FailureLimit;
};

/** What the login routes share. */
export type LoginContext = {
  db: Database;
  audit?: AuditSink;
  ttlMs: number;
  secure: boolean;
  byEmail: FailureLimiter;
  byIp: FailureLimiter;
};

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export function createLoginContext(options: LoginServiceOptions): LoginContext {
  return {
    db: options.db,
    audit: options.audit,
    ttlMs: options.sessionTtlMs ?? SESSION_TTL_MS,
    secure: options.secureCookies ?? false,
    byEmail: createFailureLimiter(options.emailLimit ?? { maxFailures: 5, windowMs: FIFTEEN_MINUTES }),
    byIp: createFailureLimiter(options.ipLimit ?? { maxFailures: 20, windowMs: FIFTEEN_MINUTES }),
  };
}

/** The client's address (the socket's; a reverse proxy's X-Forwarded-For is not trusted). */
export function clientIp(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

/** Records a login or logout row; an audit sink that throws is logged, never passed on. */
export function recordLogin(
  context: LoginContext,
  entry: { kind: 'login' | 'logout'; accountId: string | null; ip: string; email: string; outcome: string },
): void {
  try {
    context.audit?.record({
      kind: entry.kind,
      accountId: entry.accountId,
      ip: entry.ip,
      projectId: null,
      path: null,
      threadKey: null,
      turnId: null,
      target: entry.email.slice(0, 320),
      outcome: entry.outcome,
    });
  } catch (error) {
    console.error('[auth] audit record failed:', error);
  }
}
