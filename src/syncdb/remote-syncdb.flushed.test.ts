import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, startTestHub, waitFor } from '../hub/hub-test-helpers.js';
import { createRemoteSyncDB } from './remote-syncdb.js';

const date = (index: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, 0, index)).toISOString();
const key = (index: number) => ({ event: 'chat', date: date(index), sender_id: 'alice' });
const row = (index: number) => ({ ...key(index), history: [{ author_id: 'alice', content: `message ${index}`, date: date(index) }] });

describe('RemoteSyncDB.flushed against the real hub', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    await hub.documents.create('room.chat');
    const api = connectClient(hub);
    cleanups.push(() => api.close());
    const errors: unknown[] = [];
    const db = await createRemoteSyncDB(api, 'room.chat', { onError: (error) => errors.push(error) });
    const hubHas = async (index: number) => (await hub.documents.document('room.chat')).db.get_one(key(index)) !== undefined;
    return { hub, api, db, errors, hubHas };
  }

  it('resolves at once when nothing was written', async () => {
    const { db } = await setup();
    await expect(db.flushed()).resolves.toBeUndefined();
  });

  it('resolves only once the hub has the writes, waiting through a dropped connection', async () => {
    const { hub, api, db, hubHas } = await setup();
    hub.disconnectClients();
    await waitFor('the client to see the drop', () => api.connectionState().type !== 'open');
    db.set(row(1));
    db.set(row(2));
    db.delete(key(2));
    const flushed = db.flushed();
    db.set(row(3)); // after the call: not waited for
    await flushed;
    expect(await hubHas(1)).toBe(true);
    expect(await hubHas(2)).toBe(false);
    await db.flushed();
    expect(await hubHas(3)).toBe(true);
    expect(db.pendingCount()).toBe(0);
  });

  it('resolves when the hub refuses a write (rolled back and reported)', async () => {
    const { db, errors } = await setup();
    // A 10,001-row batch is over the hub's limit for one chat.set.
    for (let index = 0; index <= 10_000; index += 1) db.set(row(index));
    await db.flushed();
    expect(errors).toHaveLength(1);
    expect(db.get()).toEqual([]);
  });

  it('rejects when the document is closed before the hub answered', async () => {
    const { hub, api, db } = await setup();
    hub.disconnectClients();
    await waitFor('the client to see the drop', () => api.connectionState().type !== 'open');
    db.set(row(1));
    const flushed = db.flushed();
    db.close();
    await expect(flushed).rejects.toThrow(/closed before the hub had its writes/);
    await expect(db.flushed()).rejects.toThrow(/is closed/);
  });
});
