import { randomUUID } from 'node:crypto';
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { createClientRegistry } from '../../hub/client-registry.js';
import { createErrorScrubber } from '../../hub/error-scrub.js';
import { createSecretStore } from '../../hub/secret-store.js';
import { createAuditLog } from '../../multiuser/audit/index.js';
import { createMultiuserCredentials, loadSecretKey, secretKeyPath } from '../../multiuser/credentials/index.js';
import { openDatabase, type Database } from '../../multiuser/db/index.js';
import { createCallAudit } from '../../multiuser/hub/audited-methods.js';
import { startDisabledAccountSweep } from '../../multiuser/hub/disabled-account-sweep.js';
import { createMembership } from '../../multiuser/hub/membership.js';
import { startMultiuserWeb, type MultiuserWeb } from '../../multiuser/hub/multiuser-web.js';
import { deriveCallerSigningKey } from '../caller-signature.js';
import { checkClusterKey } from '../cluster-key-check.js';
import { connectCluster, type NatsCredentials } from '../nats-connection.js';
import { createElicitationRoutes } from './elicitation-routes.js';
import { createFrontAgents } from './front-agents.js';
import { followDbChanges } from './front-db-changes.js';
import { announceFront, announcingDepartures } from './front-events.js';
import { createFrontSettings } from './front-settings.js';
import { createHostAvailability } from './host-availability.js';
import { createHostCaller } from './host-call.js';
import { createHostStatusNotices } from './host-status-notices.js';
import { relayHostNotifications } from './notification-relay.js';
import { createProjectHosts } from './project-hosts.js';
import { projectsListWithHosts } from './projects-with-hosts.js';
import { createRemoteScopes } from './remote-scopes.js';
import { watchHosts } from './watch-hosts.js';

/** How long a closing front waits for NATS to take its last messages. */
const NATS_DRAIN_MS = 2_000;

/** Options of `startFrontHub`. */
export type FrontHubOptions = {
  natsUrl: string;
  natsCredentials: NatsCredentials;
  /** `postgres://...`: the cluster's store (a front hub needs LISTEN/NOTIFY, so no PGlite). */
  database: string;
  /** Holds only `secret.key` (the cluster's: the same file in every process's data dir). */
  dataDir: string;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  appDir?: string;
  secureCookies?: boolean;
  heartbeatIntervalMs?: number;
  /** How often open connections of accounts disabled since are closed (ms; default 30 s). */
  disabledSweepIntervalMs?: number;
};

/** A running front hub. */
export type FrontHub = {
  url: string;
  port: number;
  host: string;
  db: Database;
  /** This start's id (hosts drop the clients of other ids). */
  frontId: string;
  /** Drops every browser connection abruptly (they reconnect and resynchronize). */
  disconnectClients(): void;
  close(): Promise<void>;
};

/**
 * Starts a cluster's front hub: the multiuser web side (login, sessions, /api/ws, hub-level
 * methods, the role-checking project router, the audit of calls) with every project call sent to
 * the project's host over NATS, and the hosts' notifications relayed to the projects' members.
 * No chat documents, turn logs or agents here.
 */
export async function startFrontHub(options: FrontHubOptions): Promise<FrontHub> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const dataDir = realpathSync(options.dataDir);
  const secretKey = loadSecretKey(dataDir);
  const signingKey = deriveCallerSigningKey(secretKey);
  const db = await openDatabase({ dataDir, databaseUrl: options.database });
  let nc: NatsConnection | undefined;
  try {
    // A front with another secret.key than the hosts' would have every call refused: it does not start.
    await checkClusterKey(db, secretKey, { process: 'front', keyFile: secretKeyPath(dataDir) });
    nc = await connectCluster({ url: options.natsUrl, credentials: options.natsCredentials, name: 'codex-chat front' });
    return await startOn(db, nc, dataDir, signingKey, options);
  } catch (error) {
    await nc?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function startOn(db: Database, nc: NatsConnection, dataDir: string, signingKey: Buffer, options: FrontHubOptions): Promise<FrontHub> {
  const host = options.host ?? '127.0.0.1';
  const frontId = randomUUID();
  const registry = createClientRegistry();
  const clients = announcingDepartures(registry, nc, frontId);
  const secrets = createSecretStore(dataDir);
  const settings = await createFrontSettings(db, (changed) => {
    clients.broadcast('settings.change', { settings: changed });
    // Whether an agent is enabled is part of what agents.list says.
    clients.broadcast('agents.change', { agents: agents.list() });
  });
  const { agents, learnFromHost } = createFrontAgents({ stateDir: dataDir, settings: settings.get, secrets, clients });
  const audit = createAuditLog(db);
  const calls = createCallAudit(audit);
  const credentials = createMultiuserCredentials({ dataDir, db, settings: settings.get });
  const membership = createMembership(db);

  const notices = createHostStatusNotices({ db, clients });
  const availability = createHostAvailability({
    onTransition: (hostId, status) => {
      // A host that was away (NATS cut, restarted) may have missed this front's hello: said again,
      // it drops the clients of an earlier front (their turn subscriptions would leak there).
      if (status.available) announceFront(nc, frontId);
      notices.hostChanged(hostId, status);
    },
    // Likewise a host whose NATS connection was down while this front started and said hello.
    onFirstHeard: () => announceFront(nc, frontId),
  });
  const stopWatching = watchHosts(nc, availability);
  const call = createHostCaller({ nc, signingKey, frontId, availability });
  const hosts = createProjectHosts(db);
  const scrub = createErrorScrubber({ root: path.join(dataDir, 'projects'), stateDir: dataDir });
  const elicitations = createElicitationRoutes(call);
  const stopRelaying = relayHostNotifications(nc, { clients, membership, elicitations, learnAgents: learnFromHost });
  let stopListening: (() => Promise<void>) | undefined;
  const stopCluster = async () => {
    stopRelaying();
    stopWatching();
    availability.stop();
    await stopListening?.().catch(() => undefined);
  };
  let web: MultiuserWeb;
  try {
    stopListening = await followDbChanges(db, {
      membership,
      hosts,
      reloadSettings: settings.reload,
      onMoved: (projectId, hostId) => notices.projectMoved(projectId, availability.statusOf(hostId)),
    });
    web = await startMultiuserWeb({
      db,
      audit,
      calls,
      clients,
      membership,
      hubMethods: { settings, agents, loadedTurnLogs: () => [] },
      credentialsMethods: credentials.methods,
      extraMethods: { ...elicitations.methods, ...projectsListWithHosts({ db, statusOf: availability.statusOf }) },
      scopeOf: createRemoteScopes({ hosts, call, scrub }).scopeOf,
      scrub,
      host,
      port: options.port,
      appDir: options.appDir,
      secureCookies: options.secureCookies,
      heartbeatIntervalMs: options.heartbeatIntervalMs,
    });
  } catch (error) {
    await stopCluster();
    throw error;
  }
  announceFront(nc, frontId);
  const sweep = startDisabledAccountSweep(db, clients, options.disabledSweepIntervalMs);

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    closing ??= (async () => {
      sweep.stop();
      clients.closeAll(1001, 'hub shutting down');
      await web.close();
      await stopCluster();
      // Drained (the last left events sent), but not waiting on a nats-server that is away.
      await Promise.race([nc.drain().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, NATS_DRAIN_MS).unref())]);
      if (!nc.isClosed()) await nc.close();
      await audit.flush();
      await db.close();
    })();
    return closing;
  }

  return { url: web.url, port: web.port, host, db, frontId, disconnectClients: clients.terminateAll, close };
}
