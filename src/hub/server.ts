import { randomBytes } from 'node:crypto';
import { mkdirSync, realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccessControl } from './access-control.js';
import { loadAccountId } from './account-id.js';
import { createClientRegistry } from './client-registry.js';
import { publicCustomize } from './customize.js';
import { createErrorScrubber } from './error-scrub.js';
import { createHttpHandler } from './http-routes.js';
import { createRpcDispatcher } from './rpc-dispatcher.js';
import { createSecretStore } from './secret-store.js';
import { createSettingsMethods } from './settings-methods.js';
import { createSettingsStore } from './settings-store.js';
import { attachSocketEndpoint } from './socket-endpoint.js';
import type { ChatDocumentRegistry } from './chat-documents.js';
import { createLiteProjectMethods } from './lite-project-methods.js';
import type { WorkspaceFileIndex } from './workspace-file-index.js';
import { createWorkspaceScope } from './workspace-scope.js';
import type { MethodHandlers, TurnLogStore, TurnService, TurnServiceDeps } from './types.js';
import type { ContainerSettingsInfo } from '../protocol/index.js';

/** Where `npm run build` puts the web app. */
export const DEFAULT_APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/app');

/** Options of `startHub`. */
export type HubOptions = {
  /** Workspace root: chat files and agent working directories stay inside it. */
  root: string;
  /** Settings, secrets, account id and turn logs (outside the workspace). */
  stateDir: string;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Access token; a random one when omitted. */
  token?: string;
  /** When given, only clients presenting it (`?admin=` or its cookie) are admin. */
  adminToken?: string;
  /** The turn runner and agents (src/hub/turns), built from the hub's parts; none in hub-only tests. */
  turnService?: (deps: TurnServiceDeps) => TurnService;
  /** Agent processes: stop one idle this long (ms; default 10 min), keep at most maxLive (default 8). */
  agentLimits?: { idleMs?: number; maxLive?: number };
  /** A chat document no client has open and no turn uses is saved and unloaded this long after its last use (default 2 s). */
  documentUnloadDelayMs?: number;
  /** The built web app; defaults to dist/app. */
  appDir?: string;
  /** WebSocket ping and heartbeat interval (ms; default 30 s); a socket that misses a pong is dropped. */
  heartbeatIntervalMs?: number;
  /** Where the agents run (`--sandbox podman`), shown to admins by settings.get. */
  containers?: ContainerSettingsInfo;
};

/** A running hub. */
export type Hub = {
  /** The URL to open, with the token. */
  url: string;
  port: number;
  host: string;
  token: string;
  root: string;
  stateDir: string;
  turnLogs: TurnLogStore;
  documents: ChatDocumentRegistry;
  /** The @-file search index (files.list); `close()` disposes it, closing its folder watchers. */
  fileIndex: WorkspaceFileIndex;
  /** Drops every client connection abruptly (clients reconnect and resynchronize). */
  disconnectClients(): void;
  /** Flushes documents and logs, stops the turn service, closes every connection. */
  close(): Promise<void>;
};

/** Starts the hub: HTTP (app, /customize, /healthz) and the JSON-RPC WebSocket at /api/ws. */
export async function startHub(options: HubOptions): Promise<Hub> {
  const root = realpathSync(options.root);
  mkdirSync(options.stateDir, { recursive: true, mode: 0o700 });
  const stateDir = realpathSync(options.stateDir);
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('hex');
  let port = 0;
  const access = createAccessControl({ token, adminToken: options.adminToken, host, port: () => port });
  const accountId = loadAccountId(stateDir);
  const settings = createSettingsStore(stateDir);
  const clients = createClientRegistry();
  const scope = createWorkspaceScope({
    root,
    stateDir,
    logsDir: path.join(stateDir, 'logs'),
    clients,
    settings: settings.get,
    secrets: createSecretStore(stateDir),
    turnService: options.turnService,
    agentLimits: options.agentLimits,
    documentUnloadDelayMs: options.documentUnloadDelayMs,
  });
  const { turnService, turnLogs, documents, fileIndex } = scope;

  const handlers: MethodHandlers = {
    ...scope.handlers,
    ...createSettingsMethods(settings, clients, stateDir, options.containers),
    ...createLiteProjectMethods(root, stateDir, accountId),
  };
  const dispatch = createRpcDispatcher(handlers, createErrorScrubber({ root, stateDir }));
  await scope.recoverInterrupted();

  const server = createServer(
    createHttpHandler({
      access,
      appDir: options.appDir ?? DEFAULT_APP_DIR,
      customize: () => publicCustomize(settings, turnService),
      health: () => ({ ok: true, clients: clients.size() }),
    }),
  );
  const endpoint = attachSocketEndpoint({
    server,
    clients,
    admit: (request) => {
      const decision = access.check(request, 'websocket');
      return decision.ok ? { ok: true, context: { accountId, isAdmin: decision.isAdmin, ip: request.socket.remoteAddress } } : decision;
    },
    dispatch,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    closing ??= (async () => {
      await scope.close();
      clients.closeAll(1001, 'hub shutting down');
      endpoint.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    })();
    return closing;
  }

  return { url: `http://${urlHost}:${port}/?token=${token}`, port, host, token, root, stateDir, turnLogs, documents, fileIndex, disconnectClients: clients.terminateAll, close };
}
