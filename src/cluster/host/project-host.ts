import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { createErrorScrubber } from '../../hub/error-scrub.js';
import { createRpcDispatcher } from '../../hub/rpc-dispatcher.js';
import { createSecretStore } from '../../hub/secret-store.js';
import { PROJECT_STATE_FOLDER, type ContainerSettings } from '../../hub/containers/index.js';
import { AgentsService } from '../../hub/turns/agents-service.js';
import type { AgentLauncher } from '../../hub/turns/agent-process.js';
import { createElicitationMethods } from '../../hub/turns/elicitation-methods.js';
import type { MethodHandlers, TurnService, TurnServiceDeps } from '../../hub/types.js';
import { auditOfRefusal, createAuditLog } from '../../multiuser/audit/index.js';
import { createMultiuserCredentials, loadSecretKey, secretKeyPath } from '../../multiuser/credentials/index.js';
import { openDatabase, touchHost, type Database, type DbChange, type Project } from '../../multiuser/db/index.js';
import { createMembership } from '../../multiuser/hub/membership.js';
import { createMultiuserContainers } from '../../multiuser/hub/project-containers.js';
import { createProjectRouter } from '../../multiuser/hub/project-router.js';
import { createProjectScopes, projectTurnDeps, type ProjectScopes } from '../../multiuser/hub/project-scopes.js';
import { createTurnAudit } from '../../multiuser/hub/turn-audit.js';
import { deriveCallerSigningKey } from '../caller-signature.js';
import { checkClusterKey } from '../cluster-key-check.js';
import { listenForChanges } from '../database-changes.js';
import { encodeClusterMessage, type HostNotification } from '../messages.js';
import { connectCluster, type NatsCredentials } from '../nats-connection.js';
import { CLUSTER_SUBJECTS, isHostId } from '../subjects.js';
import { startCallServer } from './call-server.js';
import { followFrontEvents } from './front-events.js';
import { startHeartbeat } from './heartbeat.js';
import { createProjectAssignment } from './project-assignment.js';
import { createReloadingSettings } from './reloading-settings.js';
import { createRemoteClients } from './remote-clients.js';
import { createRunningTurns } from './running-turns.js';
import { openAssignedScopes } from './startup-recovery.js';

/** Options of `startProjectHost`. */
export type ProjectHostOptions = {
  /** The host's id (HOST_ID_PATTERN): its NATS subjects and its `hosts` row. */
  id: string;
  natsUrl: string;
  natsCredentials: NatsCredentials;
  /** `postgres://...` (the cluster's store), or an open Database (tests; the host does not close it). */
  database: string | Database;
  /** secret.key (the cluster's, copied here), installed agents, agent homes. */
  dataDir: string;
  turnService?: (deps: TurnServiceDeps) => TurnService;
  /** Every project's agents run in its podman containers with these settings; absent: on the host. */
  containers?: ContainerSettings;
  /** Where a project's agents run, instead of `containers`. */
  agentLauncherOf?: (project: Project) => AgentLauncher | undefined;
  agentLimits?: { idleMs?: number; maxLive?: number };
  documentUnloadDelayMs?: number;
  /** Start-up lines (default console.log). */
  log?: (line: string) => void;
};

/** A running project host. */
export type ProjectHost = {
  id: string;
  /** ISO time of this start (in every heartbeat: a new one tells the front hub the host restarted). */
  startedAt: string;
  scopes: ProjectScopes;
  db: Database;
  /** Projects whose scope opened at start-up. */
  recovered: number;
  close(): Promise<void>;
};

/** Where a cluster host keeps a project's state: inside its folder, so a move needs only the folder. */
export function clusterStateDirOf(root: string): string {
  return path.join(root, PROJECT_STATE_FOLDER);
}

/**
 * Starts a project host: no HTTP, one NATS connection. It answers the signed calls of the front
 * hub for the projects assigned to it (the same project scopes as the all-in-one), publishes their
 * notifications and its heartbeat, and follows the database's changes (members, moves, settings).
 */
export async function startProjectHost(options: ProjectHostOptions): Promise<ProjectHost> {
  if (!isHostId(options.id)) throw new Error(`the host id ${JSON.stringify(String(options.id).slice(0, 80))} is not one: lowercase letters, digits, - and _ (at most 63, starting with a letter or digit)`);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const dataDir = realpathSync(options.dataDir);
  const ownsDb = typeof options.database === 'string';
  const db = typeof options.database === 'string' ? await openDatabase({ dataDir, databaseUrl: options.database }) : options.database;
  try {
    return await startOn(db, ownsDb, dataDir, options);
  } catch (error) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw error;
  }
}

async function startOn(db: Database, ownsDb: boolean, dataDir: string, options: ProjectHostOptions): Promise<ProjectHost> {
  const { id } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const startedAt = new Date().toISOString();
  const secretKey = loadSecretKey(dataDir);
  // A host with another key than the cluster's would refuse every call: it does not start instead.
  await checkClusterKey(db, secretKey, { process: `host ${id}`, keyFile: secretKeyPath(dataDir) });
  const settings = await createReloadingSettings(db);
  const audit = createAuditLog(db);
  const credentials = createMultiuserCredentials({ dataDir, db, settings: settings.get });
  const nc = await connectCluster({ url: options.natsUrl, credentials: options.natsCredentials, name: `codex-chat host ${id}` });
  const closers: Array<() => Promise<void> | void> = [];
  try {
    return await serve(nc);
  } catch (error) {
    for (const closer of closers.reverse()) await Promise.resolve(closer()).catch(() => undefined);
    await nc.close().catch(() => undefined);
    await audit.flush();
    throw error;
  }

  async function serve(nc: NatsConnection): Promise<ProjectHost> {
    const notifySubject = CLUSTER_SUBJECTS.hostNotify(id);
    const clients = createRemoteClients((notification: HostNotification) => {
      try {
        nc.publish(notifySubject, encodeClusterMessage(notification));
      } catch (error) {
        console.error(`[host ${id}] a ${notification.method} notification was not sent: ${(error as Error)?.message ?? error}`);
      }
    });
    const secrets = createSecretStore(dataDir);
    // agents.change goes out hub-wide (no project).
    const agents = new AgentsService({ stateDir: dataDir, settings: settings.get, secrets, broadcast: clients.broadcast });
    const membership = createMembership(db);
    const containers = options.containers ? createMultiuserContainers(dataDir, options.containers) : undefined;
    const running = createRunningTurns();
    const scopes = createProjectScopes({
      db,
      dataDir,
      stateDir: dataDir,
      clients,
      clientsOf: (project) => clients.forProject(project.id),
      stateDirOf: (_project, root) => clusterStateDirOf(root),
      membership,
      settings: settings.get,
      secrets,
      agents,
      turnService: options.turnService,
      agentLimits: options.agentLimits,
      documentUnloadDelayMs: options.documentUnloadDelayMs,
      turnDepsOf: projectTurnDeps(credentials.resolveCredential, (project) => options.agentLauncherOf?.(project) ?? containers?.launcherOf(project)),
      turnObserverOf: (project, root) => {
        const turnAudit = createTurnAudit(audit, project.id, root);
        return (event, origin) => {
          running.observe(project.id, event, origin);
          turnAudit(event, origin);
        };
      },
    });
    closers.push(async () => {
      await scopes.close();
      await containers?.shutdown();
    });
    const assignment = createProjectAssignment(db, id);

    // A project moved away: its scope closes here (its turns end interrupted); H2 goes on from its folder.
    async function unloadMovedAway(projectId?: string): Promise<void> {
      const loaded = scopes.loaded().map((scope) => scope.projectId);
      for (const loadedId of projectId === undefined ? loaded : loaded.filter((candidate) => candidate === projectId)) {
        if ((await assignment.placeOf(loadedId)) === 'here') continue;
        log(`[host ${id}] project ${loadedId} is no longer on this host: closing it`);
        await scopes.unload(loadedId);
        running.forgetProject(loadedId);
      }
    }
    const projectsChanged = (projectId?: string): void => {
      assignment.forget(projectId);
      unloadMovedAway(projectId).catch((error: unknown) => console.error(`[host ${id}] closing a moved project failed:`, error));
    };
    const onChange = (change: DbChange): void => {
      if (change.table === 'members') membership.invalidate(change.project);
      else if (change.table === 'settings') void settings.reload();
      else projectsChanged(change.project);
    };
    const unlisten = await listenForChanges(db, `host ${id}`, onChange, () => {
      membership.invalidate();
      void settings.reload();
      projectsChanged();
    });
    closers.push(unlisten);

    const frontEvents = followFrontEvents(nc, (event) => {
      if (event.kind === 'hello') clients.hello(event.frontId);
      else if (event.kind === 'left') clients.left(event.frontId, event.clientId);
      else void settings.reload();
    });
    closers.push(() => frontEvents.stop());

    const handlers: MethodHandlers = {
      // Hub-level, for the turns of this host: one broker for every scope (theirs share this notifyAccount).
      ...createElicitationMethods(clients.notifyAccount),
      // The front audits every call and refusal (a refusal of this router reaches it as -32001/-32602):
      // rows here would double them. The call server audits what the front never sees (bad signatures).
      ...createProjectRouter({ roleOf: membership.roleOf, scopeOf: scopes.scopeOf, refused: () => undefined, called: () => undefined }),
    };
    const callServer = startCallServer({
      nc,
      hostId: id,
      signingKey: deriveCallerSigningKey(secretKey),
      clients,
      assignment,
      dispatch: createRpcDispatcher(handlers, createErrorScrubber({ root: dataDir, stateDir: dataDir })),
      refused: (method, params, caller, reason) => audit.record({ ...auditOfRefusal(method, params, { accountId: '', ip: caller.ip }, reason), accountId: caller.accountId }),
    });
    closers.push(() => callServer.stop());

    await touchHost(db, { id, startedAt });
    const heartbeat = startHeartbeat({
      nc,
      hostId: id,
      startedAt,
      state: () => ({ projects: scopes.loaded().map((scope) => scope.projectId), runningTurns: running.count() }),
      touchRow: () => touchHost(db, { id, startedAt }),
    });
    closers.push(() => heartbeat.stop());

    const recovered = await openAssignedScopes(await assignment.assignedHere(), scopes.scopeOf, (line) => log(`[host ${id}] ${line}`));

    let closing: Promise<void> | undefined;
    return {
      id,
      startedAt,
      scopes,
      db,
      recovered,
      close() {
        closing ??= (async () => {
          // Calls and heartbeats stop first, then the scopes save; their last notifications are flushed by drain.
          for (const closer of closers.splice(0).reverse()) await Promise.resolve(closer()).catch((error: unknown) => console.error(`[host ${id}] shutdown step failed:`, error));
          await nc.drain().catch(() => nc.close());
          await audit.flush();
          if (ownsDb) await db.close();
        })();
        return closing;
      },
    };
  }
}
