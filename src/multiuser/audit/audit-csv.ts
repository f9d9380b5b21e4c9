// Audit rows as CSV (RFC 4180): every cell quoted, quotes doubled, CRLF line ends; a cell a
// spreadsheet would run as a formula (= + - @, tab, carriage return first) is prefixed with '.
import type { AuditRow } from '../../protocol/index.js';

/** The header of an export, one column per row field (plus the account's display name). */
export const AUDIT_CSV_COLUMNS = ['id', 'at', 'account_id', 'account_name', 'ip', 'project', 'path', 'thread', 'turn', 'kind', 'target', 'outcome'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted, inner quotes doubled, formula-looking text defused. */
export function csvCell(value: string | null): string {
  const text = value ?? '';
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One CSV line (with its CRLF) of a row; `name` is the account's display name when known. */
export function auditCsvLine(row: AuditRow, name: string | null): string {
  const cells = [row.id, row.at, row.accountId, name, row.ip, row.projectId, row.path, row.threadKey, row.turnId, row.kind, row.target, row.outcome];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The header line. */
export function auditCsvHeader(): string {
  return `${AUDIT_CSV_COLUMNS.map(csvCell).join(',')}\r\n`;
}
