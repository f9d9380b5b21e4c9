import type { AuditQuery, AuditRow } from '../../protocol/multiuser.js';
import type { Queryable } from './database.js';

/** A row to append: `at` defaults to the database's now(). */
export type AuditEntry = Omit<AuditRow, 'id' | 'at'> & { at?: string };

/** Who reads: an admin reads every row; anyone else their projects' rows and their own rows outside projects. */
export type AuditVisibility = { accountId: string; isAdmin: boolean };

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 1000;

const INSERT_COLUMNS = ['at', 'account_id', 'ip', 'project_id', 'path', 'thread_key', 'turn_id', 'kind', 'target', 'outcome'];
// Columns are qualified by the table alias `a`: `order by id` would otherwise pick the `id::text` output
// column and sort as text ("999" before "1200").
const SELECT_COLUMNS = `a.id::text as id, a.at, a.account_id as "accountId", a.ip, a.project_id as "projectId", a.path,
  a.thread_key as "threadKey", a.turn_id as "turnId", a.kind, a.target, a.outcome`;

/** Appends rows in one statement (the audit log flushes its queue in batches). */
export async function appendAudit(db: Queryable, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const params: unknown[] = [];
  const tuples = list.map((entry) => {
    const values = [entry.at ?? null, entry.accountId, entry.ip, entry.projectId, entry.path, entry.threadKey, entry.turnId, entry.kind, entry.target, entry.outcome];
    const placeholders = values.map((value, index) => {
      params.push(value);
      // A missing `at` is the database's now(), like the column default.
      return index === 0 ? `coalesce($${params.length}::timestamptz, now())` : `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await db.query(`insert into audit (${INSERT_COLUMNS.join(', ')}) values ${tuples.join(', ')}`, params);
}

/** One page of rows, newest first; `nextBefore` is the `before` of the next page, absent on the last one. */
export async function listAudit(db: Queryable, query: AuditQuery, visibility: AuditVisibility): Promise<{ rows: AuditRow[]; nextBefore?: string }> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (!visibility.isAdmin) {
    const me = param(visibility.accountId);
    where.push(`(a.project_id in (select project_id from members where account_id = ${me}) or (a.project_id is null and a.account_id = ${me}))`);
  }
  if (query.project !== undefined) where.push(`a.project_id = ${param(query.project)}`);
  if (query.path !== undefined) where.push(`a.path = ${param(query.path)}`);
  if (query.threadKey !== undefined) where.push(`a.thread_key = ${param(query.threadKey)}`);
  if (query.kinds !== undefined) where.push(`a.kind = any(${param(query.kinds)}::text[])`);
  if (query.accountId !== undefined) where.push(`a.account_id = ${param(query.accountId)}`);
  if (query.from !== undefined) where.push(`a.at >= ${param(query.from)}::timestamptz`);
  if (query.to !== undefined) where.push(`a.at < ${param(query.to)}::timestamptz`);
  if (query.before !== undefined) where.push(`a.id < ${param(query.before)}::bigint`);
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? AUDIT_PAGE_DEFAULT)), AUDIT_PAGE_MAX);
  const rows = await db.query<AuditRow>(
    `select ${SELECT_COLUMNS} from audit a ${where.length > 0 ? `where ${where.join(' and ')}` : ''} order by a.id desc limit ${param(limit + 1)}`,
    params,
  );
  if (rows.length <= limit) return { rows };
  const page = rows.slice(0, limit);
  return { rows: page, nextBefore: page[page.length - 1].id };
}
