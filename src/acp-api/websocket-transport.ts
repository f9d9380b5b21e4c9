import { createHeartbeatWatch, silentReason } from './heartbeat-watch.js';
import type { AcpTransport } from './transport.js';

/**
 * The browser transport: the native WebSocket. The page was loaded from the hub, so its access
 * cookie rides along with the upgrade; `url` may be a function to pick up a changed address.
 */
export function createWebSocketTransport(url: string | (() => string)): AcpTransport {
  return {
    open(events) {
      const socket = new WebSocket(typeof url === 'function' ? url() : url);
      let closed = false;
      const finish = (reason: string) => {
        if (closed) return;
        closed = true;
        heartbeat.stop();
        events.onClose(reason);
      };
      // Browsers answer pings but never show them: the hub's heartbeat frames tell a live hub from a dead one.
      const heartbeat = createHeartbeatWatch((silentMs) => {
        finish(silentReason(silentMs));
        socket.close();
      });
      socket.onopen = () => events.onOpen();
      socket.onmessage = (message) => {
        if (typeof message.data === 'string' && !heartbeat.heard(message.data)) events.onMessage(message.data);
      };
      // Browsers hide the HTTP status of a refused upgrade; the close code is all there is.
      socket.onerror = () => finish('connection error');
      socket.onclose = (event) => finish(event.reason || `closed (code ${event.code})`);
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
