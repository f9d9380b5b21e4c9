import { describe, expect, it } from 'vitest';
import type { TurnEvent } from '../protocol/index.js';
import { createAcpApi } from './acp-client.js';
import { isProjectScopedMethod, scopeApiToProject } from './project-scope.js';
import type { AcpTransport, TransportEvents } from './transport.js';

type Frame = { id?: number; method: string; params: Record<string, unknown> };

/**
 * A transport standing in for the hub's socket (the multiuser router is another engineer's; this
 * tests only what the page's wrapper puts on the wire and lets through). It answers every call with
 * `{}` and lets the test push notifications and drop the connection.
 */
function recordingTransport() {
  const sent: Frame[] = [];
  let events: TransportEvents | undefined;
  const transport: AcpTransport = {
    open(next) {
      events = next;
      queueMicrotask(() => next.onOpen());
      return {
        send(text) {
          const frame = JSON.parse(text) as Frame;
          sent.push(frame);
          queueMicrotask(() => events === next && next.onMessage(JSON.stringify({ jsonrpc: '2.0', id: frame.id, result: {} })));
        },
        close() {},
      };
    },
  };
  return {
    transport,
    sent,
    push: (method: string, params: unknown) => events?.onMessage(JSON.stringify({ jsonrpc: '2.0', method, params })),
    drop: () => events?.onClose('test drop'),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const event = (seq: number): TurnEvent => ({ seq, t: seq, type: 'notice', level: 'info', message: `n${seq}` });

describe('scopeApiToProject', () => {
  it('adds the project to every project-scoped call and to no hub-level call', async () => {
    const wire = recordingTransport();
    const api = scopeApiToProject(createAcpApi(wire.transport), 'alpha');
    await api.call('chat.open', { path: 'a.chat' });
    await api.call('permission.respond', { turnId: 't', requestId: 'r', optionId: 'o' });
    await api.call('settings.get', {});
    await api.call('people.get', { accountIds: ['x'] });
    expect(wire.sent.map((frame) => [frame.method, frame.params.project])).toEqual([
      ['chat.open', 'alpha'],
      ['permission.respond', 'alpha'],
      ['settings.get', undefined],
      ['people.get', undefined],
    ]);
    expect(isProjectScopedMethod('turn.send')).toBe(true);
    expect(isProjectScopedMethod('projects.list')).toBe(false);
    expect(isProjectScopedMethod('toString')).toBe(false);
  });

  it('delivers chat, queue and turn notifications of its own project only; hub-wide ones always', async () => {
    const wire = recordingTransport();
    const shared = createAcpApi(wire.transport);
    const alpha = scopeApiToProject(shared, 'alpha');
    const seen: string[] = [];
    alpha.on('chat.change', (params) => seen.push(`chat ${params.path}`));
    alpha.on('queue.change', (params) => seen.push(`queue ${params.path}`));
    alpha.on('turn.event', (params) => seen.push(`turn ${params.turnId}`));
    alpha.on('settings.change', () => seen.push('settings'));
    await settle();
    wire.push('chat.change', { project: 'beta', path: 'b.chat', rows: [], deleted: [] });
    wire.push('chat.change', { project: 'alpha', path: 'a.chat', rows: [], deleted: [] });
    wire.push('chat.change', { path: 'lite.chat', rows: [], deleted: [] });
    wire.push('queue.change', { project: 'beta', path: 'b.chat', threadKey: '1', queue: [] });
    wire.push('queue.change', { project: 'alpha', path: 'a.chat', threadKey: '1', queue: [] });
    wire.push('turn.event', { project: 'beta', turnId: 'tb', event: event(0) });
    wire.push('turn.event', { project: 'alpha', turnId: 'ta', event: event(0) });
    wire.push('settings.change', { settings: {} });
    expect(seen).toEqual(['chat a.chat', 'queue a.chat', 'turn ta', 'settings']);
  });

  it('subscribes turns with the project, again on resume after a dropped connection, and unsubscribes with it', async () => {
    const wire = recordingTransport();
    const alpha = scopeApiToProject(createAcpApi(wire.transport, { backoff: { initialMs: 1, maxMs: 1 } }), 'alpha');
    const seen: number[] = [];
    await settle(); // open first: a subscription made while connecting is sent twice (call + resume)
    const stop = alpha.subscribeTurn('t1', 0, (next) => seen.push(next.seq));
    await settle();
    wire.push('turn.event', { project: 'alpha', turnId: 't1', event: event(0) });
    wire.drop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    await settle();
    const turnFrames = wire.sent.filter((frame) => frame.method.startsWith('turn.'));
    expect(turnFrames.map((frame) => [frame.method, frame.params.project, frame.params.fromSeq])).toEqual([
      ['turn.subscribe', 'alpha', 0],
      ['turn.subscribe', 'alpha', 1],
      ['turn.unsubscribe', 'alpha', undefined],
    ]);
    expect(seen).toEqual([0]);
  });

  it('close drops its own listeners and subscriptions but leaves the shared connection and other projects', async () => {
    const wire = recordingTransport();
    const shared = createAcpApi(wire.transport);
    const alpha = scopeApiToProject(shared, 'alpha');
    const beta = scopeApiToProject(shared, 'beta');
    const seen: string[] = [];
    alpha.on('chat.change', () => seen.push('alpha'));
    beta.on('chat.change', () => seen.push('beta'));
    alpha.subscribeTurn('ta', 0, () => {});
    await settle();
    alpha.close();
    await settle();
    wire.push('chat.change', { project: 'alpha', path: 'a.chat', rows: [], deleted: [] });
    wire.push('chat.change', { project: 'beta', path: 'b.chat', rows: [], deleted: [] });
    expect(seen).toEqual(['beta']);
    expect(shared.connectionState().type).toBe('open');
    expect(wire.sent.at(-1)).toMatchObject({ method: 'turn.unsubscribe', params: { project: 'alpha', turnId: 'ta' } });
  });
});
