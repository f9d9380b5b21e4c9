import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { createClientRegistry } from '../../hub/client-registry.js';
import { createErrorScrubber } from '../../hub/error-scrub.js';
import { createSecretStore } from '../../hub/secret-store.js';
import { containerSettingsInfo, type ContainerSettings } from '../../hub/containers/index.js';
import { AgentsService } from '../../hub/turns/agents-service.js';
import type { AgentLauncher } from '../../hub/turns/agent-process.js';
import type { MethodHandlers, TurnService, TurnServiceDeps } from '../../hub/types.js';
import { createAuditLog } from '../audit/index.js';
import { startAdminSocket, type AdminSocket } from '../cli/index.js';
import { createMultiuserCredentials } from '../credentials/index.js';
import { openDatabase, type Database, type Project } from '../db/index.js';
import { createCallAudit } from './audited-methods.js';
import { createDbSettingsStore } from './db-settings-store.js';
import { startDisabledAccountSweep } from './disabled-account-sweep.js';
import { createMembership } from './membership.js';
import { createMultiuserContainers } from './project-containers.js';
import { startMultiuserWeb } from './multiuser-web.js';
import { createProjectScopes, projectTurnDeps, type ProjectScopes } from './project-scopes.js';
import { createTurnAudit } from './turn-audit.js';

/** Options of `startMultiuserHub`. */
export type MultiuserHubOptions = {
  /** Database (PGlite in `<dataDir>/db` unless `database` names a server), secret.key, project state, default project folders. */
  dataDir: string;
  /** `postgres://...`: a Postgres server instead of the embedded PGlite. */
  database?: string;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  appDir?: string;
  turnService?: (deps: TurnServiceDeps) => TurnService;
  agentLimits?: { idleMs?: number; maxLive?: number };
  documentUnloadDelayMs?: number;
  heartbeatIntervalMs?: number;
  /** How often open connections of accounts disabled since are closed (ms; default 30 s). */
  disabledSweepIntervalMs?: number;
  /** Mark session cookies Secure (the hub is served over https by a proxy). */
  secureCookies?: boolean;
  /** Every project's agents run in its podman containers with these settings (one registry per hub); absent: on the host. */
  containers?: ContainerSettings;
  /** Where a project's agents run (a container launcher), instead of `containers`; absent: on the host. */
  agentLauncherOf?: (project: Project) => AgentLauncher | undefined;
  /** More hub-level methods (e.g. elicitation.respond), answered for the caller's account. */
  extraMethods?: MethodHandlers;
};

/** A running multiuser hub. */
export type MultiuserHub = {
  url: string;
  port: number;
  host: string;
  dataDir: string;
  db: Database;
  scopes: ProjectScopes;
  /** After members of a project (or of any, without an id) changed: the next call and notification re-read them. */
  membersChanged(projectId?: string): void;
  /** Ends the connections of an account (disabled). */
  disconnectAccount(accountId: string): void;
  /** Drops every client connection abruptly (clients reconnect and resynchronize). */
  disconnectClients(): void;
  close(): Promise<void>;
};

/**
 * Starts the multiuser hub: one process, accounts and projects in the database, a project scope per
 * project (created on first use), every call checked against the caller's role and every
 * notification sent only to the project's members, the whole HTTP side behind the login.
 */
export async function startMultiuserHub(options: MultiuserHubOptions): Promise<MultiuserHub> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const dataDir = realpathSync(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const db = await openDatabase({ dataDir, databaseUrl: options.database });
  try {
    return await startOn(db, dataDir, host, options);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function startOn(db: Database, dataDir: string, host: string, options: MultiuserHubOptions): Promise<MultiuserHub> {
  const settings = await createDbSettingsStore(db);
  const audit = createAuditLog(db);
  const calls = createCallAudit(audit);
  const credentials = createMultiuserCredentials({ dataDir, db, settings: settings.get });
  const clients = createClientRegistry();
  const secrets = createSecretStore(dataDir);
  const agents = new AgentsService({ stateDir: dataDir, settings: settings.get, secrets, broadcast: clients.broadcast });
  const membership = createMembership(db);
  const containers = options.containers ? createMultiuserContainers(dataDir, options.containers) : undefined;
  const scopes = createProjectScopes({
    db,
    dataDir,
    stateDir: dataDir,
    clients,
    membership,
    settings: settings.get,
    secrets,
    agents,
    turnService: options.turnService,
    agentLimits: options.agentLimits,
    documentUnloadDelayMs: options.documentUnloadDelayMs,
    turnDepsOf: projectTurnDeps(credentials.resolveCredential, (project) => options.agentLauncherOf?.(project) ?? containers?.launcherOf(project)),
    turnObserverOf: (project, root) => createTurnAudit(audit, project.id, root),
  });
  const web = await startMultiuserWeb({
    db,
    audit,
    calls,
    clients,
    membership,
    hubMethods: { settings, agents, loadedTurnLogs: () => scopes.loaded().map((scope) => scope.turnLogs), containers: options.agentLauncherOf && !options.containers ? undefined : containerSettingsInfo(options.containers) },
    credentialsMethods: credentials.methods,
    extraMethods: options.extraMethods,
    scopeOf: scopes.scopeOf,
    scrub: createErrorScrubber({ root: path.join(dataDir, 'projects'), stateDir: dataDir }),
    host,
    port: options.port,
    appDir: options.appDir,
    secureCookies: options.secureCookies,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
  });
  const { url, port } = web;
  // The admin CLI sends its commands here while the hub holds the database (PGlite is single-process).
  let adminSocket: AdminSocket;
  try {
    adminSocket = await startAdminSocket({ dataDir, db, baseUrl: url, onMembersChanged: (projectId) => membership.invalidate(projectId) });
  } catch (error) {
    await web.close();
    await audit.flush();
    throw error;
  }

  const sweep = startDisabledAccountSweep(db, clients, options.disabledSweepIntervalMs);

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    closing ??= (async () => {
      sweep.stop();
      await adminSocket.close();
      await scopes.close();
      await containers?.shutdown();
      clients.closeAll(1001, 'hub shutting down');
      await web.close();
      await audit.flush();
      await db.close();
    })();
    return closing;
  }

  return {
    url,
    port,
    host,
    dataDir,
    db,
    scopes,
    membersChanged: (projectId) => membership.invalidate(projectId),
    disconnectAccount: (accountId) => clients.closeAccount(accountId, 4001, 'account disabled'),
    disconnectClients: clients.terminateAll,
    close,
  };
}
