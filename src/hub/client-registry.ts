import type { WebSocket } from 'ws';
import type { AcpApiNotification, AcpApiNotifications } from '../protocol/index.js';
import type { ClientContext } from './types.js';

type Client = { context: ClientContext; socket: WebSocket; cleanups: Set<() => void> };

/** A client whose unsent backlog passes this is dropped: it reconnects and resynchronizes instead. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/** Runs the cleanups of a client that left (its subscriptions); one that throws is logged, the rest still run. */
export function runClientCleanups(clientId: string, cleanups: Iterable<() => void>, label: string): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch (error) {
      console.error(`[${label}] cleanup of client ${clientId} failed:`, error);
    }
  }
}

/** Registers a cleanup in a client's set, or runs it at once when the client is gone (no set); returns its remover. */
export function addClientCleanup(cleanups: Set<() => void> | undefined, cleanup: () => void): () => void {
  if (!cleanups) {
    cleanup();
    return () => undefined;
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** The connected WebSocket clients: notifications to one or all, and cleanup when one leaves. */
export function createClientRegistry() {
  const clients = new Map<string, Client>();

  function sendTo(client: Client, text: string): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      console.warn(`[hub] client ${client.context.clientId} is not reading; dropping its connection`);
      client.socket.terminate();
      return;
    }
    client.socket.send(text);
  }

  return {
    add(socket: WebSocket, context: ClientContext): void {
      clients.set(context.clientId, { context, socket, cleanups: new Set() });
    },
    /** Runs the client's cleanups (subscriptions) once it is gone. */
    remove(clientId: string): void {
      const client = clients.get(clientId);
      if (!client) return;
      clients.delete(clientId);
      runClientCleanups(clientId, client.cleanups, 'hub');
    },
    /** Registers a cleanup for when the client leaves; returns its remover. Runs it at once if the client is gone. */
    onLeave: (clientId: string, cleanup: () => void): (() => void) => addClientCleanup(clients.get(clientId)?.cleanups, cleanup),
    reply(clientId: string, text: string): void {
      const client = clients.get(clientId);
      if (client) sendTo(client, text);
    },
    notify<N extends AcpApiNotification>(clientId: string, name: N, params: AcpApiNotifications[N]): void {
      const client = clients.get(clientId);
      if (client) sendTo(client, JSON.stringify({ jsonrpc: '2.0', method: name, params }));
    },
    broadcast<N extends AcpApiNotification>(name: N, params: AcpApiNotifications[N]): void {
      const text = JSON.stringify({ jsonrpc: '2.0', method: name, params });
      for (const client of clients.values()) sendTo(client, text);
    },
    /** Sends to the clients `accepts` picks (multiuser: a project's members), the frame built once. */
    broadcastTo<N extends AcpApiNotification>(accepts: (context: ClientContext) => boolean, name: N, params: AcpApiNotifications[N]): void {
      let text: string | undefined;
      for (const client of clients.values()) {
        if (!accepts(client.context)) continue;
        text ??= JSON.stringify({ jsonrpc: '2.0', method: name, params });
        sendTo(client, text);
      }
    },
    contextOf: (clientId: string): ClientContext | undefined => clients.get(clientId)?.context,
    /** The accounts with a connection now. */
    accountIds: (): string[] => [...new Set([...clients.values()].map((client) => client.context.accountId))],
    /** Closes the connections of one account (disabled, logged out everywhere). */
    closeAccount(accountId: string, code: number, reason: string): void {
      for (const client of [...clients.values()]) if (client.context.accountId === accountId) client.socket.close(code, reason);
    },
    /** To every client (tab) of one account, but `exceptClientId` (a URL elicitation goes only to whoever started the turn). */
    notifyAccount<N extends AcpApiNotification>(accountId: string, name: N, params: AcpApiNotifications[N], options?: { exceptClientId?: string }): void {
      const text = JSON.stringify({ jsonrpc: '2.0', method: name, params });
      for (const client of clients.values()) if (client.context.accountId === accountId && client.context.clientId !== options?.exceptClientId) sendTo(client, text);
    },
    closeAll(code: number, reason: string): void {
      for (const client of [...clients.values()]) client.socket.close(code, reason);
    },
    /** Drops every connection at once, as a network failure would (clients reconnect). */
    terminateAll(): void {
      for (const client of [...clients.values()]) client.socket.terminate();
    },
    size: () => clients.size,
  };
}

/** The connected clients of one hub. */
export type ClientRegistry = ReturnType<typeof createClientRegistry>;
