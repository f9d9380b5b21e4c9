import type { AuditKind } from '../../src/protocol/index.js';

/** What each kind of audit row is called in the view. */
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  command: 'Command',
  'file.read': 'File read',
  'file.write': 'File write',
  'file.delete': 'File delete',
  turn: 'Turn',
  approval: 'Approval',
  interrupt: 'Interrupt',
  config: 'Config change',
  login: 'Login',
  logout: 'Logout',
  settings: 'Settings',
  member: 'Member change',
  credentials: 'Credentials',
  refused: 'Refused',
};

/** The label of a kind; a kind this page does not know (a newer hub) as it is. */
export function auditKindLabel(kind: string): string {
  return (AUDIT_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}
