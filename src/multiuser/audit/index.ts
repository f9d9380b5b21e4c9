// The multiuser audit: the writer (queued, batched, retried), the pure mappers from turn events and
// acp-api calls to rows, audit.list and the CSV export.
export { auditEntry, boundAuditText, MAX_AUDIT_TEXT_CHARS, type AuditEntry, type AuditPlace } from './audit-entry.js';
export { createAuditLog, type AuditLog, type AuditLogOptions } from './audit-log.js';
export { auditOfTurnEvent, auditOfTurnEvents, createTurnAuditState, type TurnAuditMeta, type TurnAuditState } from './audit-of-turn-event.js';
export { auditOfCall, auditOfRefusal, type CallOutcome } from './audit-of-call.js';
export { createAuditMethods, readAudit, type AuditMethodsOptions, type AuditReader } from './audit-methods.js';
export { OUTSIDE_PROJECT, projectRelativePath } from './project-path.js';
export { AUDIT_CSV_PATH, createAuditCsvHandler, MAX_EXPORT_ROWS, type AuditCsvOptions } from './audit-csv-route.js';
export { csvCell } from './audit-csv.js';
