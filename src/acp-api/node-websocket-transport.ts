// Node only: imports the `ws` package, so it is kept out of the browser barrel (import it from
// `src/acp-api/node.ts`).
import WebSocket from 'ws';
import { createHeartbeatWatch, silentReason } from './heartbeat-watch.js';
import type { AcpTransport } from './transport.js';

/** Options of the Node transport: extra headers (e.g. `Origin`, `Cookie`) for the upgrade request. */
export type NodeWebSocketTransportOptions = { headers?: Record<string, string> };

/** A transport over the `ws` package for Node clients (tests, benchmarks, scripts). */
export function createNodeWebSocketTransport(url: string, options: NodeWebSocketTransportOptions = {}): AcpTransport {
  return {
    open(events) {
      const socket = new WebSocket(url, { headers: options.headers });
      let closed = false;
      const finish = (reason: string) => {
        if (closed) return;
        closed = true;
        heartbeat.stop();
        events.onClose(reason);
      };
      // The hub's heartbeat frames (and pings, which `ws` answers itself) tell a live hub from a dead one.
      const heartbeat = createHeartbeatWatch((silentMs) => {
        finish(silentReason(silentMs));
        socket.terminate();
      });
      socket.on('open', () => events.onOpen());
      socket.on('message', (data, isBinary) => {
        if (isBinary) return;
        const text = data.toString();
        if (!heartbeat.heard(text)) events.onMessage(text);
      });
      // The hub explains a refused upgrade in the response body: surface it, it says why.
      socket.on('unexpected-response', (_request, response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          finish(`HTTP ${response.statusCode}: ${body.trim() || response.statusMessage}`);
          socket.terminate();
        });
      });
      socket.on('error', (error) => finish(error.message));
      socket.on('close', (code, reason) => finish(reason.toString() || `closed (code ${code})`));
      return {
        send: (text) => socket.send(text),
        close: () => {
          closed = true;
          heartbeat.stop();
          socket.close();
        },
      };
    },
  };
}
