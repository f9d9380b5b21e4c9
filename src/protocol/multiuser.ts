// The acp-api's multiuser vocabulary: projects, roles, people, credentials, audit and URL
// elicitation. Lite mode uses the same types as "one account, one project" (see MULTIUSER.md).

/** A member's role in a project: owner manages members; collaborator does everything else; viewer only reads. */
export type ProjectRole = 'owner' | 'collaborator' | 'viewer';
export const PROJECT_ROLES: readonly ProjectRole[] = ['owner', 'collaborator', 'viewer'];

/** Which mode the hub runs in (settings.get). */
export type HubMode = 'lite' | 'multiuser';

/** Cluster: the project host a project runs on, and whether the front hub can reach it now. */
export type ProjectHostStatus = { id: string; available: boolean; /** Why not, for the page ("project host h1 unavailable"). */ reason?: string };

/** A project the caller is a member of (projects.list). `host`: only in a cluster (front hub). */
export type ProjectInfo = { id: string; name: string; role: ProjectRole; createdAt: string; host?: ProjectHostStatus };

/** An account as other members see it: a name for "who" lines and avatars. */
export type Person = { accountId: string; name: string };

/** A stored agent credential, never its secret (credentials.list). */
export type CredentialStatus = {
  agent: string;
  /** This account has its own key for the agent. */
  hasUserKey: boolean;
  userKeyUpdatedAt?: string;
  /** The admin set a site-wide key for the agent. */
  hasSiteKey: boolean;
  /** Whether a turn of this account would start with a key, and which one. */
  effective: 'user' | 'site' | 'none';
};

/** What an audit row records. */
export type AuditKind =
  | 'command'
  | 'file.read'
  | 'file.write'
  | 'file.delete'
  | 'turn'
  | 'approval'
  | 'interrupt'
  | 'config'
  | 'login'
  | 'logout'
  | 'settings'
  | 'member'
  | 'credentials'
  | 'refused';
export const AUDIT_KINDS: readonly AuditKind[] = [
  'command',
  'file.read',
  'file.write',
  'file.delete',
  'turn',
  'approval',
  'interrupt',
  'config',
  'login',
  'logout',
  'settings',
  'member',
  'credentials',
  'refused',
];

/** One append-only audit row. `target`: the command line, file path (project-relative), option or method. */
export type AuditRow = {
  id: string;
  at: string;
  accountId: string | null;
  ip: string | null;
  projectId: string | null;
  path: string | null;
  threadKey: string | null;
  turnId: string | null;
  kind: AuditKind;
  target: string;
  /** e.g. ok, failed, refused, allow_once, reject_once, cancelled. */
  outcome: string;
};

/** The multiuser hub's CSV export of audit rows: GET with an AuditQuery as the query string (`kinds` comma-separated). */
export const AUDIT_CSV_PATH = '/api/audit.csv';

/** A filter of audit.list; rows come newest first, `before` pages on (an id of the last page). */
export type AuditQuery = {
  project?: string;
  path?: string;
  threadKey?: string;
  kinds?: AuditKind[];
  accountId?: string;
  from?: string;
  to?: string;
  before?: string;
  limit?: number;
};

/**
 * An agent asks its user to open a URL (ACP URL elicitation: a device-code sign-in). The hub sends it
 * only to the account that started the turn; the page shows the URL and code and waits, with a cancel.
 */
export type ElicitationRequest = {
  elicitationId: string;
  turnId?: string;
  agent: string;
  message: string;
  url: string;
  /** A code to enter on that page, when the agent gives one. */
  code?: string;
};
/** The user's answer to an elicitation. */
export type ElicitationAction = 'accept' | 'decline' | 'cancel';
