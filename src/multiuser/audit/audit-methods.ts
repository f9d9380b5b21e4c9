// audit.list for the hub to mount: members read the rows of their projects (any role), admins all.
import { AcpApiError } from '../../acp-api/index.js';
import type { AuditQuery, AuditRow, ProjectRole } from '../../protocol/index.js';
import type { ClientContext, MethodHandlers } from '../../hub/types.js';
import { listAudit, roleOf, type Queryable } from '../db/index.js';
import { checkAuditQuery } from './audit-query-params.js';

export type AuditMethodsOptions = {
  db: Queryable;
  /** The caller's role in a project (null: not a member); default: the members table. */
  roleOf?: (accountId: string, projectId: string) => Promise<ProjectRole | null>;
};

/** Who may read what, for audit.list and the CSV export alike. */
export type AuditReader = Pick<ClientContext, 'accountId' | 'isAdmin'>;

/**
 * One page of the rows a reader may see. A named project the reader is not a member of is refused
 * (forbidden, the router's message, so project ids cannot be probed); without a project the
 * database keeps to the reader's projects (and their own rows outside any, e.g. logins).
 */
export async function readAudit(options: AuditMethodsOptions, query: AuditQuery, reader: AuditReader): Promise<{ rows: AuditRow[]; next?: string }> {
  if (query.project !== undefined && !reader.isAdmin) {
    const role = await (options.roleOf ?? ((accountId, projectId) => roleOf(options.db, accountId, projectId)))(reader.accountId, query.project);
    if (role === null) throw AcpApiError.forbidden(`not a member of project ${query.project}`);
  }
  const page = await listAudit(options.db, query, { accountId: reader.accountId, isAdmin: reader.isAdmin });
  return page.nextBefore === undefined ? { rows: page.rows } : { rows: page.rows, next: page.nextBefore };
}

/** The audit.list handler. */
export function createAuditMethods(options: AuditMethodsOptions): Required<Pick<MethodHandlers, 'audit.list'>> {
  return {
    'audit.list': async (params, context) => readAudit(options, checkAuditQuery(params), context),
  };
}
