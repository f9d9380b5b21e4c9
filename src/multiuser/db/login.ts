import type { Account } from './accounts.js';
import type { Queryable } from './database.js';
import { hashSecret, newSecret } from './secrets.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const LOGIN_LINK_TTL_MS = 7 * DAY_MS;
export const SESSION_TTL_MS = 14 * DAY_MS;

const ACCOUNT_OF_A = `a.id, a.email, a.name, a.is_admin as "isAdmin", a.password_hash is not null as "hasPassword",
  a.disabled_at as "disabledAt", a.created_at as "createdAt"`;

/** A one-time login link: the token goes in the URL once and is stored only as its sha256. */
export async function createLoginLink(db: Queryable, accountId: string, ttlMs = LOGIN_LINK_TTL_MS): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret();
  const [row] = await db.query<{ expiresAt: string }>(
    `insert into login_links (token_hash, account_id, expires_at) values ($1, $2, now() + $3 * interval '1 millisecond') returning expires_at as "expiresAt"`,
    [hashSecret(token), accountId, ttlMs],
  );
  return { token, expiresAt: row.expiresAt };
}

/**
 * Uses a login link: its account when the token is known, unused, unexpired and the account is
 * enabled; null otherwise. A token works once (two concurrent uses: one wins).
 */
export async function consumeLoginLink(db: Queryable, token: string): Promise<Account | null> {
  const [row] = await db.query<Account>(
    `update login_links l set used_at = now()
       from accounts a
      where l.token_hash = $1 and l.used_at is null and l.expires_at > now()
        and a.id = l.account_id and a.disabled_at is null
      returning ${ACCOUNT_OF_A}`,
    [hashSecret(token)],
  );
  return row ?? null;
}

/** A login link's account without using it (the set-password form shows it), null like consumeLoginLink. */
export async function peekLoginLink(db: Queryable, token: string): Promise<Account | null> {
  const [row] = await db.query<Account>(
    `select ${ACCOUNT_OF_A} from login_links l join accounts a on a.id = l.account_id
      where l.token_hash = $1 and l.used_at is null and l.expires_at > now() and a.disabled_at is null`,
    [hashSecret(token)],
  );
  return row ?? null;
}

/** A login session. `id` is the sha256 of the cookie secret: the key for touch/delete, safe to log. */
export type Session = { id: string; account: Account; createdAt: string; expiresAt: string; lastSeenAt: string; ip: string | null };

/** Starts a session; `secret` goes in the cookie and nowhere else. */
export async function createSession(
  db: Queryable,
  accountId: string,
  options: { ttlMs?: number; ip?: string | null } = {},
): Promise<{ secret: string; id: string; expiresAt: string }> {
  const secret = newSecret();
  const id = hashSecret(secret);
  const [row] = await db.query<{ expiresAt: string }>(
    `insert into login_sessions (id_hash, account_id, expires_at, ip) values ($1, $2, now() + $3 * interval '1 millisecond', $4) returning expires_at as "expiresAt"`,
    [id, accountId, options.ttlMs ?? SESSION_TTL_MS, options.ip ?? null],
  );
  return { secret, id, expiresAt: row.expiresAt };
}

type SessionRow = {
  sessionId: string;
  sessionCreatedAt: string;
  expiresAt: string;
  lastSeenAt: string;
  ip: string | null;
  accountId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  hasPassword: boolean;
  accountCreatedAt: string;
};

/** The session of a cookie secret with its account; null when unknown, expired or the account is disabled. */
export async function findSession(db: Queryable, secret: string): Promise<Session | null> {
  const [row] = await db.query<SessionRow>(
    `select s.id_hash as "sessionId", s.created_at as "sessionCreatedAt", s.expires_at as "expiresAt",
            s.last_seen_at as "lastSeenAt", s.ip, a.id as "accountId", a.email, a.name, a.is_admin as "isAdmin",
            a.password_hash is not null as "hasPassword", a.created_at as "accountCreatedAt"
       from login_sessions s join accounts a on a.id = s.account_id
      where s.id_hash = $1 and s.expires_at > now() and a.disabled_at is null`,
    [hashSecret(secret)],
  );
  if (!row) return null;
  const account: Account = { id: row.accountId, email: row.email, name: row.name, isAdmin: row.isAdmin, hasPassword: row.hasPassword, disabledAt: null, createdAt: row.accountCreatedAt };
  return { id: row.sessionId, account, createdAt: row.sessionCreatedAt, expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt, ip: row.ip };
}

/** Sliding expiry: a session in use lives `ttlMs` from now. False when it is gone or expired. */
export async function touchSession(db: Queryable, id: string, options: { ttlMs?: number; ip?: string | null } = {}): Promise<boolean> {
  const rows = await db.query(
    `update login_sessions set last_seen_at = now(), expires_at = now() + $2 * interval '1 millisecond', ip = coalesce($3, ip)
      where id_hash = $1 and expires_at > now() returning id_hash`,
    [id, options.ttlMs ?? SESSION_TTL_MS, options.ip ?? null],
  );
  return rows.length > 0;
}

/** Logout: the session ends (by its id, the hash). */
export async function deleteSession(db: Queryable, id: string): Promise<void> {
  await db.query('delete from login_sessions where id_hash = $1', [id]);
}
