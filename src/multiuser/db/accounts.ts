import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';
import { unlessTaken } from './errors.js';

/** An account, without its password hash (see passwordHashOf): safe to log or to send to its owner. */
export type Account = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  hasPassword: boolean;
  disabledAt: string | null;
  createdAt: string;
};

const COLUMNS = `id, email, name, is_admin as "isAdmin", password_hash is not null as "hasPassword",
  disabled_at as "disabledAt", created_at as "createdAt"`;

/** Emails are compared and stored lowercased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function addAccount(db: Queryable, input: { email: string; name: string; isAdmin?: boolean }): Promise<Account> {
  const email = normalizeEmail(input.email);
  const [account] = await unlessTaken(
    () => db.query<Account>(`insert into accounts (id, email, name, is_admin) values ($1, $2, $3, $4) returning ${COLUMNS}`, [randomUUID(), email, input.name.trim(), input.isAdmin ?? false]),
    `an account with email ${email} already exists`,
  );
  return account;
}

export async function findAccountByEmail(db: Queryable, email: string): Promise<Account | null> {
  const [account] = await db.query<Account>(`select ${COLUMNS} from accounts where email = $1`, [normalizeEmail(email)]);
  return account ?? null;
}

export async function findAccountById(db: Queryable, id: string): Promise<Account | null> {
  const [account] = await db.query<Account>(`select ${COLUMNS} from accounts where id = $1`, [id]);
  return account ?? null;
}

/** All accounts, by email. */
export async function listAccounts(db: Queryable): Promise<Account[]> {
  return db.query<Account>(`select ${COLUMNS} from accounts order by email`);
}

/** Disables the account (its sessions stop working: findSession checks it); false when no such account. */
export async function disableAccount(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(`update accounts set disabled_at = coalesce(disabled_at, now()) where id = $1 returning id`, [id]);
  return rows.length > 0;
}

/** Stores a password hash (scrypt, made by the login module); false when no such account. */
export async function setPassword(db: Queryable, id: string, passwordHash: string): Promise<boolean> {
  const rows = await db.query(`update accounts set password_hash = $2 where id = $1 returning id`, [id, passwordHash]);
  return rows.length > 0;
}

/** The stored password hash, for the login check only; null when none was set (or no account). */
export async function passwordHashOf(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db.query<{ hash: string | null }>(`select password_hash as hash from accounts where id = $1`, [id]);
  return row?.hash ?? null;
}
