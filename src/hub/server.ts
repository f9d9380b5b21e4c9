import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { createAccessControl, requestUrl } from './access-control.js';
import { loadAccountId } from './account-id.js';
import { createClientRegistry } from './client-registry.js';
import { publicCustomize } from './customize.js';
import { createErrorScrubber } from './error-scrub.js';
import { createHttpHandler } from './http-routes.js';
import { createRpcDispatcher } from './rpc-dispatcher.js';
import { createSecretStore } from './secret-store.js';
import { createSettingsMethods } from './settings-methods.js';
import { createSettingsStore } from './settings-store.js';
import { createSocketHeartbeat } from './socket-heartbeat.js';
import type { ChatDocumentRegistry } from './chat-documents.js';
import { createLiteProjectMethods } from './lite-project-methods.js';
import type { WorkspaceFileIndex } from './workspace-file-index.js';
import { createWorkspaceScope } from './workspace-scope.js';
import type { ClientContext, MethodHandlers, TurnLogStore, TurnService, TurnServiceDeps } from './types.js';
import { ACP_API_HEARTBEAT_INTERVAL_MS, ACP_API_MAX_FRAME_BYTES } from '../protocol/index.js';
import { idOfFrameHead, refusalFrame } from './rpc-dispatcher.js';

/** How far past ACP_API_MAX_FRAME_BYTES a frame is still read, to be answered with a JSON-RPC error naming the limit. */
const FRAME_SLACK_BYTES = 1024 * 1024;
const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

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
    ...createSettingsMethods(settings, clients, stateDir),
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
  // Frames a little over the limit are read and answered with a JSON-RPC error; bigger ones close the connection (1009).
  const sockets = new WebSocketServer({ noServer: true, maxPayload: ACP_API_MAX_FRAME_BYTES + FRAME_SLACK_BYTES });
  const heartbeat = createSocketHeartbeat(options.heartbeatIntervalMs ?? ACP_API_HEARTBEAT_INTERVAL_MS);

  function onMessage(context: ClientContext, data: Buffer, isBinary: boolean): void {
    const reply = (text: string) => clients.reply(context.clientId, text);
    if (isBinary) return reply(refusalFrame(null, 'binary frames are not accepted; send JSON-RPC text frames'));
    if (data.length > ACP_API_MAX_FRAME_BYTES) {
      return reply(refusalFrame(idOfFrameHead(data), `frame of ${(data.length / 1024 / 1024).toFixed(1)} MB refused: the limit is ${ACP_API_MAX_FRAME_BYTES / 1024 / 1024} MB`));
    }
    void dispatch(data.toString(), context, reply);
  }

  function onUpgrade(request: IncomingMessage, socket: Socket, head: Buffer): void {
    const refuse = (status: number, reason: string) => {
      const body = `${reason}\n`;
      socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Forbidden'}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    };
    if (requestUrl(request)?.pathname !== '/api/ws') return refuse(404, 'WebSocket endpoint is /api/ws');
    const decision = access.check(request, 'websocket');
    if (!decision.ok) return refuse(decision.status, decision.reason);
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      const context: ClientContext = { clientId: randomUUID(), accountId, isAdmin: decision.isAdmin, ip: request.socket.remoteAddress };
      clients.add(webSocket, context);
      heartbeat.watch(webSocket);
      webSocket.on('message', (data, isBinary) => {
        try {
          onMessage(context, data as Buffer, isBinary);
        } catch (error) {
          console.error(`[hub] a frame of client ${context.clientId} failed:`, error);
        }
      });
      webSocket.on('close', () => clients.remove(context.clientId));
      webSocket.on('error', (error) => console.warn(`[hub] client ${context.clientId}: ${error.message}`));
    });
  }

  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    // Node drops its own error listener from an upgraded socket: a reset before the handshake would be uncaught.
    socket.on('error', (error) => console.warn(`[hub] upgrade connection: ${error.message}`));
    try {
      onUpgrade(request, socket, head);
    } catch (error) {
      console.error(`[hub] upgrade of ${request.url?.slice(0, 200)} failed:`, error);
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
    }
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
      heartbeat.stop();
      await scope.close();
      clients.closeAll(1001, 'hub shutting down');
      sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    })();
    return closing;
  }

  return { url: `http://${urlHost}:${port}/?token=${token}`, port, host, token, root, stateDir, turnLogs, documents, fileIndex, disconnectClients: clients.terminateAll, close };
}
