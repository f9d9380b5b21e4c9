// GET /api/audit.csv?project=...&kinds=...&from=...: the rows a reader may see (the same rule as
// audit.list), all pages, as a CSV download. The multiuser server mounts it behind its login.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AcpApiError } from '../../acp-api/index.js';
import { ACP_API_ERROR_CODES, AUDIT_CSV_PATH } from '../../protocol/index.js';
import { AUDIT_PAGE_MAX } from '../db/index.js';
import { accountNames } from './account-names.js';
import { auditCsvHeader, auditCsvLine } from './audit-csv.js';
import { readAudit, type AuditMethodsOptions, type AuditReader } from './audit-methods.js';
import { auditQueryOfSearch } from './audit-query-params.js';

/** The route's path (the page links to it too). */
export { AUDIT_CSV_PATH };
/** Rows of one export at most (`limit` may ask for fewer): a bigger audit is exported by time range. */
export const MAX_EXPORT_ROWS = 200_000;

export type AuditCsvOptions = AuditMethodsOptions & { warn?: (message: string) => void };

/** The handler: answers 405 for a non-GET, 400 for a bad query, 403 for a project the reader is not a member of. */
export function createAuditCsvHandler(options: AuditCsvOptions): (request: IncomingMessage, response: ServerResponse, reader: AuditReader) => Promise<void> {
  const warn = options.warn ?? ((message: string) => console.warn(`[audit] ${message}`));
  return async (request, response, reader) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'audit export: GET only', { Allow: 'GET, HEAD' });
    const url = new URL(request.url ?? '/', 'http://hub.invalid');
    let query;
    try {
      query = auditQueryOfSearch(url.searchParams);
      // The first page also checks membership: an error answers before any CSV is sent.
      const first = await readAudit(options, { ...query, limit: Math.min(query.limit ?? AUDIT_PAGE_MAX, AUDIT_PAGE_MAX) }, reader);
      response.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName(query.project)}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      if (request.method === 'HEAD') return void response.end();
      // A byte-order mark, so spreadsheets read the file as UTF-8.
      await write(response, `\ufeff${auditCsvHeader()}`);
      let page = first;
      let left = Math.min(query.limit ?? MAX_EXPORT_ROWS, MAX_EXPORT_ROWS);
      for (;;) {
        const rows = page.rows.slice(0, left);
        const names = await accountNames(options.db, rows.flatMap((row) => (row.accountId ? [row.accountId] : [])));
        await write(response, rows.map((row) => auditCsvLine(row, row.accountId ? (names.get(row.accountId) ?? null) : null)).join(''));
        left -= rows.length;
        if (left <= 0 || page.next === undefined) break;
        page = await readAudit(options, { ...query, before: page.next, limit: Math.min(left, AUDIT_PAGE_MAX) }, reader);
      }
      response.end();
    } catch (error) {
      if (response.headersSent) {
        warn(`audit export stopped: ${error instanceof Error ? error.message : String(error)}`);
        return void response.destroy();
      }
      if (AcpApiError.isInstance(error) && error.code === ACP_API_ERROR_CODES.invalidParams) return plain(response, 400, error.message.replace('audit.list', 'audit export'));
      if (AcpApiError.isInstance(error) && error.code === ACP_API_ERROR_CODES.forbidden) return plain(response, 403, error.message);
      warn(`audit export failed: ${error instanceof Error ? error.message : String(error)}`);
      plain(response, 500, 'audit export failed');
    }
  };
}

function fileName(project: string | undefined): string {
  const day = new Date().toISOString().slice(0, 10);
  const name = (project ?? 'all').replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
  return `audit-${name}-${day}.csv`;
}

function plain(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(`${message}\n`);
}

// Waits for the socket to drain when the buffer is full, so a large export is not held in memory.
function write(response: ServerResponse, chunk: string): Promise<void> {
  if (chunk === '' || response.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      response.off('drain', done);
      response.off('close', closed);
      if (error) reject(error);
      else resolve();
    };
    const closed = () => done(new Error('the client closed the export'));
    response.once('drain', done);
    response.once('close', closed);
  });
}
