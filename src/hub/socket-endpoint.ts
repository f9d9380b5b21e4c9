import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { ACP_API_HEARTBEAT_INTERVAL_MS, ACP_API_MAX_FRAME_BYTES } from '../protocol/index.js';
import { requestUrl } from './access-control.js';
import type { ClientRegistry } from './client-registry.js';
import { idOfFrameHead, refusalFrame } from './rpc-dispatcher.js';
import { createSocketHeartbeat } from './socket-heartbeat.js';
import type { ClientContext } from './types.js';

/** How far past ACP_API_MAX_FRAME_BYTES a frame is still read, to be answered with a JSON-RPC error naming the limit. */
const FRAME_SLACK_BYTES = 1024 * 1024;
const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/** Who an upgrade request is (its context without the client id), or why it is refused. */
export type UpgradeDecision = { ok: true; context: Omit<ClientContext, 'clientId'> } | { ok: false; status: number; reason: string };

export type SocketEndpointOptions = {
  server: Server;
  clients: ClientRegistry;
  /** Checks an upgrade to /api/ws (token, session, Origin). */
  admit(request: IncomingMessage): UpgradeDecision | Promise<UpgradeDecision>;
  /** Answers one JSON-RPC text frame (never rejects). */
  dispatch(text: string, context: ClientContext, reply: (text: string) => void): Promise<void>;
  heartbeatIntervalMs?: number;
};

/**
 * The JSON-RPC WebSocket at /api/ws on `server`: admission, frame limits, heartbeat, and the client
 * registry kept current. Lite and multiuser hubs differ only in `admit` and `dispatch`.
 */
export function attachSocketEndpoint(options: SocketEndpointOptions) {
  const { clients } = options;
  // Frames a little over the limit are read and answered with a JSON-RPC error; bigger ones close the connection (1009).
  const sockets = new WebSocketServer({ noServer: true, maxPayload: ACP_API_MAX_FRAME_BYTES + FRAME_SLACK_BYTES });
  const heartbeat = createSocketHeartbeat(options.heartbeatIntervalMs ?? ACP_API_HEARTBEAT_INTERVAL_MS);

  function onMessage(context: ClientContext, data: Buffer, isBinary: boolean): void {
    const reply = (text: string) => clients.reply(context.clientId, text);
    if (isBinary) return reply(refusalFrame(null, 'binary frames are not accepted; send JSON-RPC text frames'));
    if (data.length > ACP_API_MAX_FRAME_BYTES) {
      return reply(refusalFrame(idOfFrameHead(data), `frame of ${(data.length / 1024 / 1024).toFixed(1)} MB refused: the limit is ${ACP_API_MAX_FRAME_BYTES / 1024 / 1024} MB`));
    }
    void options.dispatch(data.toString(), context, reply);
  }

  function refuse(socket: Socket, status: number, reason: string): void {
    const body = `${reason}\n`;
    socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Forbidden'}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }

  async function onUpgrade(request: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    if (requestUrl(request)?.pathname !== '/api/ws') return refuse(socket, 404, 'WebSocket endpoint is /api/ws');
    const decision = await options.admit(request);
    if (!decision.ok) return refuse(socket, decision.status, decision.reason);
    if (socket.destroyed) return; // gone while a session was looked up
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      const context: ClientContext = { clientId: randomUUID(), ...decision.context };
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

  options.server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    // Node drops its own error listener from an upgraded socket: a reset before the handshake would be uncaught.
    socket.on('error', (error) => console.warn(`[hub] upgrade connection: ${error.message}`));
    onUpgrade(request, socket, head).catch((error: unknown) => {
      console.error(`[hub] upgrade of ${request.url?.slice(0, 200)} failed:`, error);
      if (socket.writable) socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
    });
  });

  return {
    close(): void {
      heartbeat.stop();
      sockets.close();
    },
  };
}
