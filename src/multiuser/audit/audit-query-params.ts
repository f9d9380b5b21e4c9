// audit.list params (and the CSV export's query string) checked before they reach SQL: a bad time,
// an unknown kind or a non-numeric page cursor is a clear invalid-params error, not a database error.
import { z } from 'zod';
import { AcpApiError } from '../../acp-api/index.js';
import { AUDIT_KINDS, parseWith, type AuditKind, type AuditQuery } from '../../protocol/index.js';

const MAX_ID_CHARS = 200;
const isoTime = z
  .string()
  .max(64)
  .refine((value) => Number.isFinite(Date.parse(value)), 'expected an ISO time (e.g. 2026-01-31T12:00:00Z)');

const AuditQuerySchema = z
  .object({
    project: z.string().min(1).max(MAX_ID_CHARS).optional(),
    path: z.string().min(1).max(1024).optional(),
    threadKey: z.string().min(1).max(MAX_ID_CHARS).optional(),
    kinds: z
      .array(z.enum(AUDIT_KINDS as [AuditKind, ...AuditKind[]]))
      .max(AUDIT_KINDS.length)
      .optional(),
    accountId: z.string().min(1).max(MAX_ID_CHARS).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    // Row ids are bigserial: up to 19 digits.
    before: z.string().regex(/^[1-9][0-9]{0,18}$/, 'expected a row id from a previous page').optional(),
    limit: z.number().int().min(1).optional(),
  })
  .strict();

/** The checked query (times normalized to ISO), or an invalid-params AcpApiError listing every problem. */
export function checkAuditQuery(params: unknown): AuditQuery {
  const parsed = parseWith(AuditQuerySchema, params ?? {});
  if (!parsed.ok) throw AcpApiError.invalidParams(`audit.list: invalid params: ${parsed.problems.join('; ')}`);
  const query: AuditQuery = { ...parsed.value };
  if (query.from !== undefined) query.from = new Date(query.from).toISOString();
  if (query.to !== undefined) query.to = new Date(query.to).toISOString();
  return query;
}

/** The query of a CSV export URL (`?project=p&kinds=command,file.write&from=...`), checked like audit.list. */
export function auditQueryOfSearch(search: URLSearchParams): AuditQuery {
  const params: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (key === 'kinds') params.kinds = value === '' ? [] : value.split(',');
    else if (key === 'limit') params.limit = Number(value);
    else params[key] = value;
  }
  return checkAuditQuery(params);
}
