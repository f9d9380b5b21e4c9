import { describe, expect, it } from 'vitest';
import { ACP_API_ERROR_CODES, type TurnEvent } from '../protocol/index.js';
import { createAcpApi } from './acp-client.js';
import { isProjectScopedMethod, scopeApiToProject } from './project-scope.js';
import { recordingTransport, type Frame } from './testing/recording-transport.js';
import type { ConnectionState } from './types.js';

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

describe('scopeApiToProject when the project host goes away and comes back (cluster)', () => {
  const down = { id: 'h1', available: false, reason: 'project host h1 unavailable' };
  const up = { id: 'h1', available: true };
  const hostEvent = (project: string, host: typeof down | typeof up) => ({ project, host });
  const turnFrames = (sent: Frame[]) =>
    sent.filter((frame) => frame.method.startsWith('turn.')).map((frame) => [frame.method, frame.params.project, frame.params.turnId, frame.params.fromSeq]);

  it("reports the project's state as reconnecting with the host's reason, other projects stay open, and open again when it is back", async () => {
    const wire = recordingTransport();
    const shared = createAcpApi(wire.transport);
    const alpha = scopeApiToProject(shared, 'alpha');
    const beta = scopeApiToProject(shared, 'beta');
    const states: Record<string, ConnectionState[]> = { alpha: [], beta: [] };
    alpha.onConnectionChange((state) => states.alpha.push(state));
    beta.onConnectionChange((state) => states.beta.push(state));
    const hosts: unknown[] = [];
    alpha.onHostChange((host) => hosts.push(host));
    await settle();
    wire.push('project.host', hostEvent('alpha', down));
    expect(alpha.connectionState()).toEqual({ type: 'reconnecting', attempt: 1, error: 'project host h1 unavailable' });
    expect(alpha.hostStatus()).toEqual(down);
    expect(beta.connectionState()).toEqual({ type: 'open' });
    wire.push('project.host', hostEvent('alpha', up));
    expect(alpha.connectionState()).toEqual({ type: 'open' });
    expect(states.alpha).toEqual([{ type: 'open' }, { type: 'reconnecting', attempt: 1, error: 'project host h1 unavailable' }, { type: 'open' }]);
    expect(states.beta).toEqual([{ type: 'open' }]);
    expect(hosts).toEqual([down, up]);
    expect(shared.connectionState()).toEqual({ type: 'open' });
  });

  it('when the host is back, makes each of its turn subscriptions again from the next seq (dropping the old one first); events are not delivered twice', async () => {
    const wire = recordingTransport();
    const shared = createAcpApi(wire.transport);
    const alpha = scopeApiToProject(shared, 'alpha');
    const beta = scopeApiToProject(shared, 'beta');
    await settle();
    const seen: number[] = [];
    alpha.subscribeTurn('ta', 0, (next) => seen.push(next.seq));
    beta.subscribeTurn('tb', 0, () => {});
    await settle();
    wire.push('turn.event', { project: 'alpha', turnId: 'ta', event: event(0) });
    wire.push('turn.event', { project: 'alpha', turnId: 'ta', event: event(1) });
    wire.push('project.host', hostEvent('alpha', down));
    wire.push('project.host', hostEvent('alpha', up));
    await settle();
    await settle();
    // The host replays from seq 2, and an event the old subscription still sent is not seen twice.
    wire.push('turn.event', { project: 'alpha', turnId: 'ta', event: event(1) });
    wire.push('turn.event', { project: 'alpha', turnId: 'ta', event: event(2) });
    expect(turnFrames(wire.sent)).toEqual([
      ['turn.subscribe', 'alpha', 'ta', 0],
      ['turn.subscribe', 'beta', 'tb', 0],
      ['turn.unsubscribe', 'alpha', 'ta', undefined],
      ['turn.subscribe', 'alpha', 'ta', 2],
    ]);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('an available host the page did not see go (it restarted) resynchronizes too: a blink of the state, the turns again', async () => {
    const wire = recordingTransport();
    const alpha = scopeApiToProject(createAcpApi(wire.transport), 'alpha');
    await settle();
    const states: ConnectionState[] = [];
    alpha.onConnectionChange((state) => states.push(state));
    alpha.subscribeTurn('ta', 5, () => {});
    await settle();
    wire.push('project.host', hostEvent('alpha', up));
    await settle();
    await settle();
    expect(states).toEqual([{ type: 'reconnecting', attempt: 1, error: 'project host h1 was away' }, { type: 'open' }]);
    expect(turnFrames(wire.sent)).toEqual([
      ['turn.subscribe', 'alpha', 'ta', 5],
      ['turn.unsubscribe', 'alpha', 'ta', undefined],
      ['turn.subscribe', 'alpha', 'ta', 5],
    ]);
  });

  it("follows projects.list's word on the host (at start, after a reconnect); an available host listed again changes nothing", async () => {
    const wire = recordingTransport();
    const alpha = scopeApiToProject(createAcpApi(wire.transport), 'alpha', { host: down });
    await settle();
    expect(alpha.connectionState()).toEqual({ type: 'reconnecting', attempt: 1, error: 'project host h1 unavailable' });
    alpha.subscribeTurn('ta', 0, () => {});
    await settle();
    alpha.updateHost(up);
    expect(alpha.connectionState()).toEqual({ type: 'open' });
    await settle();
    await settle();
    const states: ConnectionState[] = [];
    alpha.onConnectionChange((state) => states.push(state));
    alpha.updateHost(up);
    await settle();
    expect(states).toEqual([]);
    expect(turnFrames(wire.sent)).toEqual([
      ['turn.subscribe', 'alpha', 'ta', 0],
      ['turn.unsubscribe', 'alpha', 'ta', undefined],
      ['turn.subscribe', 'alpha', 'ta', 0],
    ]);
  });

  it('a socket reconnect while the host is away keeps the project reconnecting; the comeback then resubscribes', async () => {
    const wire = recordingTransport((frame) =>
      frame.method === 'turn.subscribe' && frame.params.fromSeq === 1 && !wire.sent.some((sent) => sent.method === 'turn.unsubscribe')
        ? { error: { code: ACP_API_ERROR_CODES.hostUnavailable, message: 'project host h1 unavailable' } }
        : { result: {} },
    );
    const alpha = scopeApiToProject(createAcpApi(wire.transport, { backoff: { initialMs: 1, maxMs: 1 } }), 'alpha');
    await settle();
    alpha.subscribeTurn('ta', 0, () => {});
    await settle();
    wire.push('turn.event', { project: 'alpha', turnId: 'ta', event: event(0) });
    wire.push('project.host', hostEvent('alpha', down));
    wire.drop();
    expect(alpha.connectionState()).toMatchObject({ type: 'reconnecting', error: 'test drop' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alpha.connectionState()).toEqual({ type: 'reconnecting', attempt: 1, error: 'project host h1 unavailable' });
    wire.push('project.host', hostEvent('alpha', up));
    await settle();
    await settle();
    expect(turnFrames(wire.sent)).toEqual([
      ['turn.subscribe', 'alpha', 'ta', 0],
      ['turn.subscribe', 'alpha', 'ta', 1], // the socket's own resume, refused while the host is away
      ['turn.unsubscribe', 'alpha', 'ta', undefined],
      ['turn.subscribe', 'alpha', 'ta', 1],
    ]);
  });
});
