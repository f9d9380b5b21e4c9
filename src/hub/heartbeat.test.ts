import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWebSocketTransport } from '../acp-api/index.js';
import { createNodeWebSocketTransport } from '../acp-api/node.js';
import type { AcpTransport } from '../acp-api/index.js';
import { startTestHub, waitFor } from './hub-test-helpers.js';
import { UPGRADE_HEADERS } from './raw-client-helpers.js';

type TestHub = Awaited<ReturnType<typeof startTestHub>>;
const INTERVAL_MS = 150;

/** A TCP proxy to the hub that can go silent, as a proxy or a network that drops a connection without a FIN. */
async function startSilenceableProxy(targetPort: number): Promise<{ port: number; silence(): void; close(): Promise<void> }> {
  let silent = false;
  const sockets: Socket[] = [];
  const server: Server = createServer((downstream) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.push(downstream, upstream);
    let first = true;
    downstream.on('data', (chunk: Buffer) => {
      if (silent) return;
      // The hub accepts only its own address in Host (DNS-rebinding protection): name it, as a reverse proxy does.
      upstream.write(first ? chunk.toString('latin1').replace(/^Host: .*$/im, `Host: 127.0.0.1:${targetPort}`) : chunk, first ? 'latin1' : undefined);
      first = false;
    });
    upstream.on('data', (chunk) => silent || downstream.write(chunk));
    for (const socket of [downstream, upstream]) socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    silence: () => (silent = true),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const clientsOf = async (hub: TestHub) => {
  const health = await fetch(`http://127.0.0.1:${hub.port}/healthz`, { headers: { Cookie: `codex_chat_token_${hub.port}=${hub.token}` } });
  return ((await health.json()) as { clients: number }).clients;
};

describe('WebSocket pings and heartbeats', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ heartbeatIntervalMs: INTERVAL_MS });
  });
  afterAll(async () => hub?.dispose());

  it('the hub drops a socket that does not answer its pings, and keeps one that does', async () => {
    const live = new WebSocket(`ws://127.0.0.1:${hub.port}/api/ws?token=${hub.token}`); // `ws` answers pings
    await new Promise((resolve) => live.once('open', resolve));
    // A peer that completes the handshake and then never answers anything.
    const dead = connect(hub.port, '127.0.0.1');
    let deadClosed = false;
    dead.on('close', () => (deadClosed = true));
    dead.on('data', () => undefined);
    dead.write([`GET /api/ws?token=${hub.token} HTTP/1.1`, `Host: 127.0.0.1:${hub.port}`, ...UPGRADE_HEADERS, '', ''].join('\r\n'));
    await waitFor('both clients connected', async () => (await clientsOf(hub)) === 2);
    await waitFor('the hub to drop the silent peer', () => deadClosed);
    expect(await clientsOf(hub)).toBe(1);
    expect(live.readyState).toBe(WebSocket.OPEN);
    live.close();
  });

  const transports: Array<[string, (url: string) => AcpTransport]> = [
    ['the Node transport', (url) => createNodeWebSocketTransport(url)],
    // The browser transport over `ws`, which has the browser's WebSocket API (and, like a browser, hides pings).
    ['the browser transport', (url) => createWebSocketTransport(url)],
  ];
  for (const [name, create] of transports) {
    it(`${name} closes a connection whose hub went silent, and passes no heartbeat on`, async () => {
      const proxy = await startSilenceableProxy(hub.port);
      const previous = globalThis.WebSocket;
      globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
      try {
        const messages: string[] = [];
        let closedWith: string | undefined;
        let opened = false;
        const connection = create(`ws://127.0.0.1:${proxy.port}/api/ws?token=${hub.token}`).open({
          onOpen: () => (opened = true),
          onMessage: (text) => messages.push(text),
          onClose: (reason) => (closedWith = reason),
        });
        await waitFor('the connection', () => opened);
        // Several intervals of a live hub: heartbeats come and are consumed, the connection stays.
        for (let call = 1; call <= 5; call += 1) {
          connection.send(JSON.stringify({ jsonrpc: '2.0', id: call, method: 'chat.list', params: {} }));
          await waitFor(`answer ${call}`, () => messages.some((text) => text.includes(`"id":${call}`)));
          await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
        }
        expect(closedWith).toBeUndefined();
        expect(messages.filter((text) => text.includes('hub.heartbeat'))).toEqual([]);
        proxy.silence();
        expect(await waitFor('the transport to give up on the silent hub', () => closedWith)).toMatch(/no word from the hub/);
      } finally {
        globalThis.WebSocket = previous;
        await proxy.close();
      }
    });
  }
});
