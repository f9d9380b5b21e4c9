import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, startTestHub, waitFor } from '../hub/hub-test-helpers.js';
import { AcpApiError } from '../acp-api/index.js';
import { ACP_API_ERROR_CODES, type Row } from '../protocol/index.js';
import { keyString } from './keys.js';
import { createRemoteSyncDB } from './remote-syncdb.js';
import { valuesEqual } from './row-values.js';
import { messageRow } from './testing/message-row.js';

const START = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();
const THREADS = 40;
const REPLIES = 50;
const rootOf = (thread: number) => START + thread * 60_000;
const key = (ms: number) => ({ event: 'chat', sender_id: 'ann', date: iso(ms) });
const FOCUS = rootOf(5);

/** Whether `a` and `b` hold the same rows (by primary key and value). */
function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  const byKey = new Map(b.map((row) => [keyString(row), row]));
  return a.length === b.length && a.every((row) => byKey.has(keyString(row)) && valuesEqual(row, byKey.get(keyString(row))!));
}

describe('RemoteSyncDB: a thread-first open of a long chat, against the real hub', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    await hub.documents.create('long.chat');
    const { db, release } = await hub.documents.lease('long.chat');
    for (let thread = 0; thread < THREADS; thread += 1) {
      db.set(messageRow(rootOf(thread)));
      for (let reply = 1; reply <= REPLIES; reply += 1) db.set(messageRow(rootOf(thread) + reply * 10, { root: rootOf(thread) }));
    }
    db.commit();
    cleanups.push(release);
    const onHub = async () => (await hub.documents.document('long.chat')).db.get();
    const api = connectClient(hub);
    cleanups.push(() => api.close());
    return { hub, api, onHub };
  }

  it("has the thread's rows first, then, once loading resolves, every row of the hub", async () => {
    const { api, onHub } = await setup();
    const changes: number[] = [];
    const db = await createRemoteSyncDB(api, 'long.chat', { thread: String(FOCUS) });
    db.on('change', (keys) => changes.push(keys.size));
    cleanups.push(() => db.close());
    const loading = db.loading;
    expect(loading).toBeDefined();
    // The open thread whole, every other thread as its root and newest reply.
    expect(db.get()).toHaveLength(REPLIES + 1 + (THREADS - 1) * 2);
    expect(db.get_one(key(FOCUS + 10))).toBeDefined();
    expect(db.get_one(key(rootOf(9) + 10))).toBeUndefined();
    expect(db.get_one(key(rootOf(9) + REPLIES * 10))).toBeDefined();
    await loading;
    expect(db.loading).toBeUndefined();
    expect(sameRows(db.get(), await onHub())).toBe(true);
    // The rest came in slices (several change events), each only the rows that were new.
    expect(changes.length).toBeGreaterThan(1);
    expect(changes.reduce((sum, size) => sum + size, 0)).toBe((THREADS - 1) * (REPLIES - 1));
  });

  it('ends equal to the hub when rows change and go while the rest is on its way, and keeps a local write', async () => {
    const { hub, api, onHub } = await setup();
    const db = await createRemoteSyncDB(api, 'long.chat', { thread: String(FOCUS) });
    cleanups.push(() => db.close());
    // Another client, right after the thread-first answer: edits a row the preview has not got,
    // deletes one it has, and adds one; this client writes into the open thread.
    const other = connectClient(hub);
    cleanups.push(() => other.close());
    const otherDb = await createRemoteSyncDB(other, 'long.chat');
    cleanups.push(() => otherDb.close());
    otherDb.set(messageRow(rootOf(20) + 30, { root: rootOf(20), text: 'edited meanwhile' }));
    otherDb.delete(key(rootOf(30) + REPLIES * 10));
    otherDb.set(messageRow(rootOf(31) + 5, { root: rootOf(31), text: 'new meanwhile' }));
    otherDb.commit();
    db.set(messageRow(FOCUS + 7, { root: FOCUS, text: 'written during the preview' }));
    db.commit();
    await db.loading;
    await waitFor('both writers confirmed', () => db.pendingCount() === 0 && otherDb.pendingCount() === 0);
    await waitFor('the client to equal the hub', async () => sameRows(db.get(), await onHub()));
    expect(db.get_one(key(rootOf(20) + 30))?.history).toEqual([expect.objectContaining({ content: 'edited meanwhile' })]);
    expect(db.get_one(key(rootOf(30) + REPLIES * 10))).toBeUndefined();
    expect(db.get_one(key(FOCUS + 7))).toBeDefined();
    expect((await onHub()).some((row) => row.date === iso(FOCUS + 7))).toBe(true);
  });

  it('applies the changes made after the whole snapshot was taken, which arrive while it is applied', async () => {
    const { hub, api, onHub } = await setup();
    let heard = 0;
    api.on('chat.change', () => void (heard += 1));
    // The answer of the whole chat.open is held until the hub's changes made after it reached this
    // client: they arrive while the load is under way and must be applied after it, not lost.
    const held = new Proxy(api, {
      get(target, name, receiver) {
        if (name !== 'call') return Reflect.get(target, name, receiver);
        return async (method: string, params: Record<string, unknown>) => {
          const answer = await (target.call as (m: string, p: unknown) => Promise<unknown>)(method, params);
          if (method === 'chat.open' && params.thread === undefined) {
            const document = await hub.documents.open('long.chat');
            document.set(messageRow(rootOf(12) + 20, { root: rootOf(12), text: 'edited after the snapshot' }));
            document.delete(key(rootOf(13) + 20));
            document.commit();
            await waitFor('the change to reach the client', () => heard > 0);
          }
          return answer;
        };
      },
    });
    const db = await createRemoteSyncDB(held, 'long.chat', { thread: String(FOCUS) });
    cleanups.push(() => db.close());
    await db.loading;
    expect(db.get_one(key(rootOf(12) + 20))?.history).toEqual([expect.objectContaining({ content: 'edited after the snapshot' })]);
    expect(db.get_one(key(rootOf(13) + 20))).toBeUndefined();
    expect(sameRows(db.get(), await onHub())).toBe(true);
  });

  it('takes the whole snapshot as the truth: a row of the preview that it lacks goes', async () => {
    const { api } = await setup();
    const gone = key(rootOf(9));
    const trimmed = new Proxy(api, {
      get(target, name, receiver) {
        if (name !== 'call') return Reflect.get(target, name, receiver);
        return async (method: string, params: Record<string, unknown>) => {
          const answer = (await (target.call as (m: string, p: unknown) => Promise<unknown>)(method, params)) as { rows?: Row[] };
          if (method !== 'chat.open' || params.thread !== undefined) return answer;
          return { ...answer, rows: answer.rows!.filter((row) => keyString(row) !== keyString(gone)) };
        };
      },
    });
    const db = await createRemoteSyncDB(trimmed, 'long.chat', { thread: String(FOCUS) });
    cleanups.push(() => db.close());
    expect(db.get_one(gone)).toBeDefined();
    await db.loading;
    expect(db.get_one(gone)).toBeUndefined();
    expect(db.get()).toHaveLength(THREADS * (REPLIES + 1) - 1);
  });

  /** The api, with the whole (not thread-first) chat.open failing by `fail(attempt)` while it returns an error. */
  async function failingWholeOpen(api: Awaited<ReturnType<typeof setup>>['api'], fail: (attempt: number) => AcpApiError | undefined) {
    let attempts = 0;
    // Connected first, so no resync (a whole load of its own) comes from the connection opening.
    await api.call('chat.list', {});
    const proxy = new Proxy(api, {
      get(target, name, receiver) {
        if (name !== 'call') return Reflect.get(target, name, receiver);
        return async (method: string, params: Record<string, unknown>) => {
          if (method === 'chat.open' && params.thread === undefined) {
            const error = fail(attempts++);
            if (error) throw error;
          }
          return (target.call as (m: string, p: unknown) => Promise<unknown>)(method, params);
        };
      },
    });
    return { proxy, attempts: () => attempts };
  }

  it('tries the whole load again after a failure (a timeout, a busy hub), reports it once, and becomes whole', async () => {
    const { api, onHub } = await setup();
    const { proxy, attempts } = await failingWholeOpen(api, (attempt) => (attempt < 2 ? new AcpApiError(ACP_API_ERROR_CODES.internal, 'chat.open: the hub is busy') : undefined));
    const errors: unknown[] = [];
    const db = await createRemoteSyncDB(proxy, 'long.chat', { thread: String(FOCUS), onError: (error) => errors.push(error) });
    cleanups.push(() => db.close());
    await db.loading; // tried at once, 1 s and 2 s later
    expect(attempts()).toBe(3);
    expect(errors.map((error) => (error as Error).message)).toEqual(['chat.open: the hub is busy']);
    expect(sameRows(db.get(), await onHub())).toBe(true);
  });

  it('does not try again when the hub says the document is not there or not yours', async () => {
    const { api } = await setup();
    const { proxy, attempts } = await failingWholeOpen(api, () => new AcpApiError(ACP_API_ERROR_CODES.forbidden, 'chat.open: you are no longer a member'));
    const errors: unknown[] = [];
    const db = await createRemoteSyncDB(proxy, 'long.chat', { thread: String(FOCUS), onError: (error) => errors.push(error) });
    cleanups.push(() => db.close());
    await waitFor('the refusal to be reported', () => errors.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past the first retry's delay
    expect(attempts()).toBe(1);
    expect(errors).toHaveLength(1);
    expect(db.loading).toBeDefined();
  });

  it('becomes whole through the resync when the connection drops before the rest arrived', async () => {
    const { hub, api, onHub } = await setup();
    const db = await createRemoteSyncDB(api, 'long.chat', { thread: String(FOCUS) });
    cleanups.push(() => db.close());
    hub.disconnectClients();
    await db.loading;
    expect(sameRows(db.get(), await onHub())).toBe(true);
  });

  it('opens a short chat whole at once, thread or not', async () => {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    await hub.documents.create('short.chat');
    const { db: hubDb, release } = await hub.documents.lease('short.chat');
    hubDb.set(messageRow(START));
    hubDb.set(messageRow(START + 10, { root: START }));
    hubDb.commit();
    release();
    const api = connectClient(hub);
    cleanups.push(() => api.close());
    const db = await createRemoteSyncDB(api, 'short.chat', { thread: String(START) });
    cleanups.push(() => db.close());
    expect(db.loading).toBeUndefined();
    expect(db.get()).toHaveLength(2);
  });
});
