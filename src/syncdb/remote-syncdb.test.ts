import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, startTestHub, waitFor } from '../hub/hub-test-helpers.js';
import type { RowKey } from '../protocol/index.js';
import { createRemoteSyncDB } from './remote-syncdb.js';

const date = (index: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, 0, index)).toISOString();
const row = (index: number, text = `message ${index}`) => ({
  event: 'chat',
  date: date(index),
  sender_id: 'alice',
  history: [{ author_id: 'alice', content: text, date: date(index) }],
});

describe('RemoteSyncDB against the real hub', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    await hub.documents.create('room.chat');
    const apiA = connectClient(hub);
    const apiB = connectClient(hub);
    cleanups.push(() => apiA.close(), () => apiB.close());
    const a = await createRemoteSyncDB(apiA, 'room.chat');
    const b = await createRemoteSyncDB(apiB, 'room.chat');
    return { hub, a, b };
  }

  it('shows a local write at once and delivers it to another client with a change event', async () => {
    const { a, b } = await setup();
    const changedOnB: RowKey[] = [];
    b.on('change', (keys) => changedOnB.push(...keys));
    const changedOnA: number[] = [];
    a.on('change', (keys) => changedOnA.push(keys.size));
    a.set(row(1));
    expect(a.get_one({ date: date(1), sender_id: 'alice', event: 'chat' })).toBeDefined();
    a.commit();
    expect(changedOnA).toEqual([1]);
    await waitFor('b to receive the row', () => b.get_one({ date: date(1), sender_id: 'alice', event: 'chat' }));
    expect(changedOnB).toEqual([{ date: date(1), sender_id: 'alice', event: 'chat' }]);
    await waitFor('a to be confirmed', () => a.pendingCount() === 0);
    // Confirmation changes nothing visible, so it emits nothing.
    expect(changedOnA).toEqual([1]);
    b.delete({ date: date(1), sender_id: 'alice', event: 'chat' });
    b.commit();
    await waitFor('a to see the deletion', () => a.get().length === 0);
  });

  it('keeps pending writes across a connection dropped by the hub mid-burst, and re-sends them', async () => {
    const { hub, a, b } = await setup();
    const total = 200;
    for (let index = 0; index < total; index += 1) {
      a.set(row(index));
      a.commit();
      if (index === 80) hub.disconnectClients();
      if (index % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    // Every write is visible locally at once, connected or not.
    expect(a.get()).toHaveLength(total);
    await waitFor('a to have every write confirmed', () => a.pendingCount() === 0);
    await waitFor('b to see every write', () => b.get().length === total);
    const onHub = (await hub.documents.document('room.chat')).db.get();
    expect(onHub).toHaveLength(total);
  });

  it('resynchronizes changes made by others while it was disconnected', async () => {
    const { hub, a, b } = await setup();
    a.set(row(1));
    a.commit();
    await waitFor('b to see row 1', () => b.get().length === 1);
    hub.disconnectClients();
    // Written on the hub directly while both clients are away.
    const document = await hub.documents.open('room.chat');
    document.set(row(2, 'written while away'));
    document.delete({ date: date(1), sender_id: 'alice', event: 'chat' });
    document.commit();
    await waitFor('b to resynchronize', () => b.get().length === 1 && b.get_one({ date: date(2), sender_id: 'alice', event: 'chat' }));
    await waitFor('a to resynchronize', () => a.get().length === 1);
  });

  it('rolls back a write the hub refuses and reports it', async () => {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    await hub.documents.create('room.chat');
    const api = connectClient(hub);
    cleanups.push(() => api.close());
    const errors: unknown[] = [];
    const db = await createRemoteSyncDB(api, 'room.chat', { onError: (error) => errors.push(error) });
    // A 10,001-row batch is over the hub's limit for one chat.set.
    for (let index = 0; index <= 10_000; index += 1) db.set(row(index));
    db.commit();
    await waitFor('the refusal', () => errors.length === 1);
    expect(String(errors[0])).toMatch(/chat.set: invalid params/);
    expect(db.get()).toHaveLength(0);
  });
});
