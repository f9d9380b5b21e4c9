import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, startTestHub, waitFor } from '../hub/hub-test-helpers.js';
import type { TurnService } from '../hub/types.js';
import type { TurnEvent } from '../protocol/index.js';
import { ACP_API_CLIENT_ERROR_CODES, AcpApiError } from './acp-api-error.js';
import type { ConnectionState } from './types.js';

const meta = { path: 'a.chat', threadKey: '1', createdAt: '2025-01-01T00:00:00.000Z' };
const notice = (index: number) => ({ t: index, type: 'notice', level: 'info', message: `n${index}` }) as const;

describe('acp-api client against the real hub', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('resubscribes a turn from the last seq after a dropped connection: every event once, in order', async () => {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    const client = connectClient(hub);
    cleanups.push(() => client.close());
    const states: ConnectionState['type'][] = [];
    client.onConnectionChange((state) => states.push(state.type));
    hub.turnLogs.create('turn', meta);
    for (let index = 0; index < 10; index += 1) hub.turnLogs.append('turn', notice(index));
    const seen: TurnEvent[] = [];
    client.subscribeTurn('turn', 3, (event) => seen.push(event));
    await waitFor('the replay', () => seen.length === 7);
    hub.disconnectClients();
    for (let index = 10; index < 20; index += 1) hub.turnLogs.append('turn', notice(index));
    await waitFor('the events appended while away', () => seen.length === 17);
    for (let index = 20; index < 25; index += 1) hub.turnLogs.append('turn', notice(index));
    await waitFor('live events after the reconnect', () => seen.length === 22);
    expect(seen.map((event) => event.seq)).toEqual(Array.from({ length: 22 }, (_, offset) => offset + 3));
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('open');
  });

  it('times out a call with a clear AcpApiError, and rejects calls after close', async () => {
    const never: TurnService = {
      handlers: { 'queue.get': () => new Promise(() => undefined) },
      recoverInterrupted: async () => undefined,
      agentsForCustomize: () => [],
      shutdown: async () => undefined,
    };
    const hub = await startTestHub({ turnService: () => never });
    cleanups.push(hub.dispose);
    const client = connectClient(hub);
    const error = await client.call('queue.get', { path: 'a.chat' }, { timeoutMs: 300 }).catch((caught: unknown) => caught);
    expect(AcpApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: ACP_API_CLIENT_ERROR_CODES.timeout, message: 'queue.get: no answer from the hub within 300 ms' });
    client.close();
    expect(client.connectionState()).toEqual({ type: 'closed', reason: 'closed by the client' });
    await expect(client.call('settings.get', {})).rejects.toMatchObject({ code: ACP_API_CLIENT_ERROR_CODES.closed });
  });

  it('reports hub errors with their code, and a refused connection with the reason', async () => {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    const client = connectClient(hub);
    cleanups.push(() => client.close());
    await expect(client.call('no.such' as 'settings.get', {})).rejects.toMatchObject({ code: -32601, message: 'no.such: unknown method "no.such"' });
    const intruder = connectClient({ port: hub.port, token: 'wrong' });
    cleanups.push(() => intruder.close());
    const state = await waitFor('a refused connection', () => {
      const current = intruder.connectionState();
      return current.type === 'reconnecting' ? current : undefined;
    });
    expect(state.error).toBe('HTTP 403: wrong access token');
  });
});
