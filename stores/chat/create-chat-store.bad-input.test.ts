import fc from 'fast-check';
import type { Row, RowKey } from '../../src/protocol/index.js';
import { MemorySyncDB, keyToIso } from '../../src/syncdb/index.js';
import type { ChangeListener, SyncDB } from '../../src/syncdb/index.js';
import { createChatStore } from './create-chat-store.js';
import { selectProblems, selectThreadList } from './selectors/select-entries.js';

const T0 = Date.UTC(2024, 0, 1);

// Small hostile values: the point is their shapes, not their size (which only slows the test).
const junk = fc.anything({ maxDepth: 1, maxKeys: 3 });

// A chat row with a valid primary key (MemorySyncDB refuses others) and hostile everything else.
const hostileRow = fc.record({
  date: fc.nat(5000).map((offset) => keyToIso(T0 + offset)),
  sender_id: fc.constantFrom('alice', 'bob', 'codex', ''),
  event: fc.constant('chat'),
  history: fc.oneof(junk, fc.array(junk, { maxLength: 3 })),
  reply_to: fc.oneof(junk, fc.nat(5000).map((offset) => keyToIso(T0 + offset))),
  payload: junk,
  mesg: junk,
  acp_config: junk,
  acp_usage: junk,
  acp_turn: junk,
  folding: junk,
  generating: junk,
  'read-alice': junk,
});

describe('chat store on malformed input', () => {
  it('takes 10,000 random malformed rows without throwing, reporting problems, consistent with a rebuild', () => {
    const db = new MemorySyncDB();
    const store = createChatStore(db, { accountId: 'alice' });
    const rows = fc.sample(hostileRow, { numRuns: 10_000, seed: 2024 });
    for (let start = 0; start < rows.length; start += 250) {
      for (const row of rows.slice(start, start + 250)) {
        db.delete({ date: row.date, sender_id: row.sender_id, event: 'chat' });
        db.set(row);
      }
      db.commit();
    }
    const state = store.getState();
    expect(selectProblems(state).length).toBeGreaterThan(100);
    expect(selectThreadList(state).length).toBeGreaterThan(0);
    const rebuilt = createChatStore(db, { accountId: 'alice' }).getState();
    expect({ ...state }).toEqual({ ...rebuilt });
  }, 120_000);

  it('survives a syncdb that sends malformed change events and rows', () => {
    const listeners = new Set<ChangeListener>();
    const garbage = new Map<string, unknown>();
    const hostile: SyncDB = {
      get: () => [],
      get_one: (where) => garbage.get(JSON.stringify(where)) as Row | undefined,
      set: () => undefined,
      delete: () => undefined,
      commit: () => undefined,
      on: (_event, listener) => listeners.add(listener),
      off: (_event, listener) => listeners.delete(listener),
    };
    const store = createChatStore(hostile, { accountId: 'alice' });
    const keys = fc.sample(
      fc.record({ date: fc.oneof(fc.string(), fc.integer(), fc.constant(keyToIso(T0))), sender_id: fc.string({ maxLength: 3 }), event: fc.constantFrom('chat', 'draft', 'chat-x', '') }),
      { numRuns: 10_000, seed: 99 },
    ) as RowKey[];
    const values = fc.sample(junk, { numRuns: 10_000, seed: 100 });
    keys.forEach((key, position) => garbage.set(JSON.stringify({ date: key.date, sender_id: key.sender_id, event: key.event }), values[position]));
    for (let start = 0; start < keys.length; start += 100) {
      for (const listener of listeners) listener(new Set(keys.slice(start, start + 100)));
    }
    expect(selectProblems(store.getState()).length).toBeGreaterThan(1000);
    store.destroy();
    expect(listeners.size).toBe(0);
  }, 120_000);
});
