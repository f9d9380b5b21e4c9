import { describe, expect, it } from 'vitest';
import { createTurnView, reduceTurnEvents } from '../../src/activity/index.js';
import { readFixtureEvents } from '../../fixtures/data/read-fixtures.js';
import { createFakeAcpApi } from '../room/testing/fake-acp-api.js';
import type { FakeHandlers } from '../room/testing/fake-acp-api.js';
import { createTurnStore } from './create-turn-store.js';
import { approvalKey } from './turn-store-types.js';

/** The shared fake api: its turn subscriptions replay the pushed log from `fromSeq`, then deliver live appends. */
function logBackedApi(handlers: FakeHandlers = {}) {
  const fake = createFakeAcpApi(handlers);
  return { api: fake.api, fake, append: fake.pushTurnEvent, subscriptions: fake.subscriptions, listenerCount: fake.subscriberCount };
}

/** Splits events into random chunks, deterministic per seed. */
function chunk<T>(items: T[], seed: number): T[][] {
  const chunks: T[][] = [];
  let state = seed;
  for (let index = 0; index < items.length; ) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const size = 1 + (state % 5);
    chunks.push(items.slice(index, index + size));
    index += size;
  }
  return chunks;
}

describe('turn store: ingest', () => {
  it('gives the reducer result of a whole recording, in one notification per batch', () => {
    const events = readFixtureEvents('multi-message');
    const store = createTurnStore();
    let notifications = 0;
    store.subscribe(() => (notifications += 1));
    store.getState().ingestEvents('t1', events);
    expect(notifications).toBe(1);
    expect(store.getState().turns.t1).toEqual(reduceTurnEvents(createTurnView(), events));
  });

  it('ignores already-applied seqs without notifying, and keeps the same view object', () => {
    const events = readFixtureEvents('run-ls');
    const store = createTurnStore();
    store.getState().ingestEvents('t1', events);
    const before = store.getState().turns.t1;
    let notifications = 0;
    store.subscribe(() => (notifications += 1));
    store.getState().ingestEvents('t1', events);
    store.getState().ingestEvents('t1', events.slice(3, 7));
    expect(notifications).toBe(0);
    expect(store.getState().turns.t1).toBe(before);
  });

  it('gives identical cards for any chunking, duplicates and shuffled batches', () => {
    for (const scenario of ['edit-file', 'escalate', 'slow-cancel', 'multi-message']) {
      const events = readFixtureEvents(scenario);
      const expected = reduceTurnEvents(createTurnView(), events);
      for (let seed = 1; seed <= 5; seed += 1) {
        const store = createTurnStore();
        for (const part of chunk(events, seed)) {
          // each batch arrives reversed and twice over: the store sorts and deduplicates by seq
          store.getState().ingestEvents('t', [...part].reverse().concat(part));
        }
        expect(store.getState().turns.t, `${scenario} seed ${seed}`).toEqual(expected);
      }
    }
  });

  it('keeps untouched turns and cards identical when another turn changes', () => {
    const store = createTurnStore();
    store.getState().ingestEvents('a', readFixtureEvents('hello'));
    const events = readFixtureEvents('run-ls');
    store.getState().ingestEvents('b', events.slice(0, 8));
    const a = store.getState().turns.a;
    const firstOfB = store.getState().turns.b.order[0];
    const firstItem = store.getState().turns.b.items[firstOfB];
    store.getState().ingestEvents('b', events.slice(8));
    expect(store.getState().turns.a).toBe(a);
    expect(store.getState().turns.b.items[firstOfB]).toBe(firstItem);
  });
});

describe('turn store: watchTurn', () => {
  it('replays the log, then batches live events into one notification per flush', async () => {
    const events = readFixtureEvents('long-output');
    const { api, append } = logBackedApi();
    for (const event of events.slice(0, 50)) append('t', event);
    const store = createTurnStore({ api });
    let notifications = 0;
    store.subscribe(() => (notifications += 1));
    const stop = store.getState().watchTurn('t');
    await expect.poll(() => store.getState().turns.t?.lastSeq, { timeout: 10_000 }).toBe(49);
    expect(notifications).toBe(1);
    for (const event of events.slice(50)) append('t', event);
    await expect.poll(() => store.getState().turns.t?.lastSeq, { timeout: 10_000 }).toBe(events.length - 1);
    expect(notifications).toBe(2);
    expect(store.getState().turns.t).toEqual(reduceTurnEvents(createTurnView(), events));
    stop();
  });

  it('subscribes once per turn (ref-counted) and resumes from lastSeq + 1', async () => {
    const events = readFixtureEvents('hello');
    const { api, append, subscriptions, listenerCount } = logBackedApi();
    for (const event of events.slice(0, 5)) append('t', event);
    const store = createTurnStore({ api });
    const stopFirst = store.getState().watchTurn('t');
    const stopSecond = store.getState().watchTurn('t');
    expect(subscriptions).toEqual([{ turnId: 't', fromSeq: 0 }]);
    await expect.poll(() => store.getState().turns.t?.lastSeq, { timeout: 10_000 }).toBe(4);
    stopFirst();
    stopFirst(); // a disposer called twice releases once
    expect(listenerCount('t')).toBe(1);
    stopSecond();
    expect(listenerCount('t')).toBe(0);
    for (const event of events.slice(5)) append('t', event);
    const stopThird = store.getState().watchTurn('t');
    expect(subscriptions[1]).toEqual({ turnId: 't', fromSeq: 5 });
    await expect.poll(() => store.getState().turns.t?.lastSeq, { timeout: 10_000 }).toBe(events.length - 1);
    stopThird();
  });

  it('resumes a turn it already holds from lastSeq + 1, so the events after it all arrive', async () => {
    const events = readFixtureEvents('run-ls');
    const { api, append, subscriptions } = logBackedApi();
    for (const event of events) append('t', event);
    const store = createTurnStore({ api });
    // Loaded earlier (a reload, an export): the first 6 events.
    store.getState().ingestEvents('t', events.slice(0, 6));
    const stop = store.getState().watchTurn('t');
    expect(subscriptions).toEqual([{ turnId: 't', fromSeq: 6 }]);
    await expect.poll(() => store.getState().turns.t?.lastSeq, { timeout: 10_000 }).toBe(events.length - 1);
    expect(store.getState().turns.t).toEqual(reduceTurnEvents(createTurnView(), events));
    stop();
  });

  it('does nothing without an api (fixtures feed it with ingestEvents)', () => {
    const store = createTurnStore();
    let notifications = 0;
    store.subscribe(() => (notifications += 1));
    const stop = store.getState().watchTurn('t');
    stop();
    expect(notifications).toBe(0);
    expect(store.getState().turns).toEqual({});
    // The store still works from fixtures after a watch without an api.
    const events = readFixtureEvents('hello');
    store.getState().ingestEvents('t', events);
    expect(store.getState().turns.t).toEqual(reduceTurnEvents(createTurnView(), events));
  });
});

describe('turn store: actions', () => {
  it('sends interrupt and keeps a refusal as state', async () => {
    let refuse = false;
    const { api, fake } = logBackedApi({
      'turn.interrupt': () => {
        if (refuse) throw new Error('turn not found');
        return {};
      },
    });
    const store = createTurnStore({ api });
    await store.getState().interrupt('t1');
    expect(fake.callsOf('turn.interrupt')).toEqual([{ turnId: 't1' }]);
    expect(store.getState().interrupts.t1).toEqual({ state: 'requested' });
    refuse = true;
    await store.getState().interrupt('t2');
    expect(store.getState().interrupts.t2).toEqual({ state: 'failed', error: 'turn not found' });
  });

  it('answers a permission request and records sending, sent and failure', async () => {
    let release: () => void = () => {};
    const { api, fake } = logBackedApi({
      'permission.respond': ({ optionId }) =>
        optionId === 'bad' ? Promise.reject(new Error('request already decided')) : new Promise((resolve) => (release = () => resolve({}))),
    });
    const store = createTurnStore({ api });
    const answered = store.getState().respondToApproval('t1', 'permission-9', 'allow_once');
    expect(store.getState().approvals[approvalKey('t1', 'permission-9')]).toEqual({ optionId: 'allow_once', state: 'sending' });
    release();
    await answered;
    expect(store.getState().approvals[approvalKey('t1', 'permission-9')]).toEqual({ optionId: 'allow_once', state: 'sent' });
    expect(fake.callsOf('permission.respond')).toEqual([{ turnId: 't1', requestId: 'permission-9', optionId: 'allow_once' }]);
    await store.getState().respondToApproval('t1', 'permission-10', 'bad');
    expect(store.getState().approvals[approvalKey('t1', 'permission-10')]).toEqual({ optionId: 'bad', state: 'failed', error: 'request already decided' });
  });
});
