import type { WebSocket } from 'ws';
import { ACP_API_HEARTBEAT_METHOD, type AcpApiHeartbeat } from '../protocol/index.js';

/**
 * Pings every watched socket each `intervalMs` and terminates one that did not answer the previous
 * ping (a peer gone without a FIN, an idle socket a proxy dropped). Each ping goes with a heartbeat
 * notification, which browsers (blind to ping frames) watch to detect a dead hub; the first goes
 * out at once, so a client learns the interval as it connects.
 */
export function createSocketHeartbeat(intervalMs: number) {
  const answered = new Map<WebSocket, boolean>();
  const heartbeat = JSON.stringify({ jsonrpc: '2.0', method: ACP_API_HEARTBEAT_METHOD, params: { intervalMs } satisfies AcpApiHeartbeat });

  function beat(socket: WebSocket): void {
    if (socket.readyState !== socket.OPEN) return;
    socket.ping();
    socket.send(heartbeat);
  }

  const timer = setInterval(() => {
    for (const [socket, alive] of answered) {
      if (!alive) {
        console.warn(`[hub] a client did not answer a ping within ${intervalMs} ms; dropping its connection`);
        answered.delete(socket);
        socket.terminate();
        continue;
      }
      answered.set(socket, false);
      beat(socket);
    }
  }, intervalMs);
  timer.unref();

  return {
    watch(socket: WebSocket): void {
      answered.set(socket, true);
      socket.on('pong', () => {
        if (answered.has(socket)) answered.set(socket, true);
      });
      socket.once('close', () => answered.delete(socket));
      beat(socket);
    },
    stop: () => clearInterval(timer),
  };
}
