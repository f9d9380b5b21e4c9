// The multiuser store of record: one Database interface over PGlite and node-postgres, the
// versioned schema, and one repository per concern (plain async functions over a Queryable).
export type { Database, ListenOptions, Queryable } from './database.js';
export { openDatabase, type DatabaseLocation } from './open-database.js';
export { openPglite } from './pglite-driver.js';
export { openPostgres } from './postgres-driver.js';
export { MIGRATIONS, runMigrations, type Migration } from './migrations.js';
export { AlreadyExistsError, NotFoundError, RefusedChangeError } from './errors.js';
export { hashSecret, newSecret } from './secrets.js';
export { addAccount, disableAccount, findAccountByEmail, findAccountById, listAccounts, normalizeEmail, passwordHashOf, setPassword, type Account } from './accounts.js';
export {
  consumeLoginLink,
  createLoginLink,
  createSession,
  deleteSession,
  findSession,
  LOGIN_LINK_TTL_MS,
  peekLoginLink,
  SESSION_TTL_MS,
  touchSession,
  type Session,
} from './login.js';
export { addMember, addProject, findProject, listMembers, listProjects, listProjectsOf, membersOf, removeMember, roleOf, slugOf, type Member, type Project } from './projects.js';
export {
  deleteSiteSecret,
  deleteUserSecret,
  getSiteSecret,
  getUserSecret,
  listSiteSecrets,
  listUserSecrets,
  setSiteSecret,
  setUserSecret,
  type StoredSecret,
} from './credentials.js';
export { HUB_SETTINGS_KEY, loadSettings, saveSettings } from './settings.js';
export { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, appendAudit, listAudit, type AuditEntry, type AuditVisibility } from './audit.js';
export { CHANGES_CHANNEL, parseDbChange, type ChangedTable, type DbChange } from './changes.js';
export { assignProjectHost, hostOfProject, listHosts, moveProject, touchHost, type HostRow } from './hosts.js';
