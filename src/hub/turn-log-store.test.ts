import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TurnEvent } from '../protocol/index.js';
import { connectClient, makeTempDirs, startTestHub, waitFor } from './hub-test-helpers.js';
import { createTurnLogStore } from './turn-log-store.js';

const meta = { path: 'a.chat', threadKey: '1000', createdAt: '2025-01-01T00:00:00.000Z' };
const update = (index: number) => ({ t: index, type: 'notice', level: 'info', message: `event ${index}` }) as const;

describe('turn log store', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('gives every subscriber exactly fromSeq..end once, whatever seq it joins at while appending', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const store = createTurnLogStore(path.join(dirs.stateDir, 'logs'));
    store.create('turn-1', meta);
    const total = 300;
    const seen: Array<{ from: number; seqs: number[] }> = [];
    for (let index = 0; index < total; index += 1) {
      // Every seq that exists so far gets a subscriber, interleaved with the appends.
      const from = index;
      const entry = { from, seqs: [] as number[] };
      seen.push(entry);
      store.subscribe('turn-1', from, (event) => entry.seqs.push(event.seq));
      store.append('turn-1', update(index));
      if (index % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    for (const { from, seqs } of seen) {
      expect(seqs).toEqual(Array.from({ length: total - from }, (_, offset) => from + offset));
    }
    await store.flush();
    const reopened = createTurnLogStore(path.join(dirs.stateDir, 'logs'));
    expect(reopened.read('turn-1').map((event) => event.seq)).toEqual(Array.from({ length: total }, (_, seq) => seq));
    expect(reopened.listByThread('a.chat', '1000')).toEqual(['turn-1']);
  });

  it('ignores a torn last line and continues from the last whole event', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const folder = path.join(dirs.stateDir, 'logs');
    const store = createTurnLogStore(folder);
    store.create('torn', meta);
    for (let index = 0; index < 3; index += 1) store.append('torn', update(index));
    await store.flush();
    const file = path.join(folder, 'torn.jsonl');
    appendFileSync(file, '{"seq":3,"t":3,"type":"notice","lev');
    const reopened = createTurnLogStore(folder);
    expect(reopened.read('torn').map((event) => event.seq)).toEqual([0, 1, 2]);
    expect(reopened.append('torn', update(3)).seq).toBe(3);
    await reopened.flush();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as TurnEvent).seq)).toEqual([0, 1, 2, 3]);
  });

  it('reads the last event from the file tail: past a torn line, and for a last event larger than the tail', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const folder = path.join(dirs.stateDir, 'logs');
    const store = createTurnLogStore(folder);
    store.create('tail', meta);
    for (let index = 0; index < 500; index += 1) store.append('tail', update(index));
    store.create('big', meta);
    store.append('big', update(0));
    store.append('big', { t: 1, type: 'notice', level: 'info', message: 'x'.repeat(200_000) });
    expect(store.lastEvent('tail')).toMatchObject({ seq: 499, message: 'event 499' });
    await store.flush();
    appendFileSync(path.join(folder, 'tail.jsonl'), '{"seq":500,"t":500,"type":"no');
    const reopened = createTurnLogStore(folder);
    expect(reopened.lastEvent('tail')).toMatchObject({ seq: 499, message: 'event 499' });
    expect(reopened.lastEvent('big')).toMatchObject({ seq: 1, type: 'notice' });
    expect(reopened.lastEvent('missing')).toBeUndefined();
  });

  it('keeps the events after a damaged middle line, with a notice in its place', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const folder = path.join(dirs.stateDir, 'logs');
    const store = createTurnLogStore(folder);
    store.create('damaged', meta);
    await store.flush();
    appendFileSync(path.join(folder, 'damaged.jsonl'), '{"seq":0,"t":0,"type":"notice","level":"info","message":"a"}\n###\n{"seq":2,"t":2,"type":"notice","level":"info","message":"c"}\n');
    const events = createTurnLogStore(folder).read('damaged');
    expect(events.map((event) => [event.seq, event.type])).toEqual([[0, 'notice'], [1, 'notice'], [2, 'notice']]);
    expect(events[1]).toMatchObject({ message: 'a damaged event of this turn log was lost' });
  });

  it('a discarded or vanished log reads as ended and empty, not as an error, while its removal may be in flight', async () => {
    // The removal runs on the thread pool, so it can land between any two reads (CI once saw ENOENT).
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const dir = path.join(dirs.stateDir, 'logs');
    const store = createTurnLogStore(dir);
    for (const turnId of ['turn-1', 'turn-2']) {
      store.create(turnId, meta);
      store.append(turnId, update(0));
    }
    await store.flush();
    const reopened = createTurnLogStore(dir); // nothing cached: lastEvent reads the file's tail
    reopened.discard('turn-1', '2025-01-02T00:00:00.000Z');
    // Its file is still there, being removed: neither reads it.
    expect(reopened.lastEvent('turn-1')).toBeUndefined();
    expect(reopened.read('turn-1')).toEqual([]);
    rmSync(path.join(dir, 'turn-2.jsonl'));
    expect(reopened.lastEvent('turn-2')).toBeUndefined();
    expect(reopened.read('turn-2')).toEqual([]);
    await reopened.flush();
  });

  it('deletes per turn and per thread over the acp-api, and refuses bad turn ids', async () => {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    hub.turnLogs.create('t1', meta);
    hub.turnLogs.create('t2', meta);
    hub.turnLogs.create('t3', { ...meta, threadKey: '2000' });
    for (const id of ['t1', 't2', 't3']) hub.turnLogs.append(id, update(0));
    const client = connectClient(hub);
    cleanups.push(async () => client.close());
    expect(await client.call('logs.delete', { path: 'a.chat', threadKey: '1000', turnId: 't2' })).toEqual({ deleted: 1 });
    expect(await client.call('logs.delete', { path: 'a.chat', threadKey: '1000' })).toEqual({ deleted: 1 });
    await hub.turnLogs.flush();
    expect(hub.turnLogs.list().sort()).toEqual(['t3']);
    await expect(client.call('turn.subscribe', { turnId: '../etc/passwd', fromSeq: 0 })).rejects.toThrow(/not a valid turn id/);
    await expect(client.call('turn.subscribe', { turnId: 'nope', fromSeq: 0 })).rejects.toThrow(/no turn "nope"/);
  });

  it('streams a turn over the WebSocket to clients joining at every seq while it is appended', async () => {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    hub.turnLogs.create('live', meta);
    const total = 60;
    const clients = Array.from({ length: 4 }, () => connectClient(hub));
    cleanups.push(async () => clients.forEach((client) => client.close()));
    const received: Array<{ from: number; seqs: number[] }> = [];
    for (let index = 0; index < total; index += 1) {
      hub.turnLogs.append('live', update(index));
      const entry = { from: index, seqs: [] as number[] };
      received.push(entry);
      clients[index % clients.length].subscribeTurn('live', index, (event) => entry.seqs.push(event.seq));
      if (index % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await waitFor('every subscriber to reach the last event', () => received.every((entry) => entry.seqs.at(-1) === total - 1));
    for (const { from, seqs } of received) expect(seqs).toEqual(Array.from({ length: total - from }, (_, offset) => from + offset));
  });
});
