// One page of audit rows a reader may see, newest first. (db/audit.ts's listAudit orders by its
// `id::text as id` output column, so past row 999 the order is by text: "999" before "1200". This
// orders by the bigint column; to be merged back into db/audit.ts by its owner.)
import type { AuditQuery, AuditRow } from '../../protocol/index.js';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, type AuditVisibility, type Queryable } from '../db/index.js';

const SELECT_COLUMNS = `a.id::text as id, a.at, a.account_id as "accountId", a.ip, a.project_id as "projectId", a.path,
  a.thread_key as "threadKey", a.turn_id as "turnId", a.kind, a.target, a.outcome`;

/** Members read their projects' rows and their own rows outside any project (logins); admins all. */
export async function listVisibleAudit(db: Queryable, query: AuditQuery, visibility: AuditVisibility): Promise<{ rows: AuditRow[]; nextBefore?: string }> {
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
