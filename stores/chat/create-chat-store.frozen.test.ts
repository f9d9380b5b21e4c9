import type { Row } from '../../src/protocol/index.js';
import { MemorySyncDB, keyToIso } from '../../src/syncdb/index.js';
import type { SyncDB } from '../../src/syncdb/index.js';
import { chatRow } from './testing/build-chat-rows.js';
import { createChatStore } from './create-chat-store.js';
import { selectThreadMessages } from './selectors/select-thread-messages.js';

const T0 = Date.UTC(2024, 4, 1);
const ROWS = [
  chatRow(T0, 'alice', 'root', { acp_config: { agent: 'codex', model: 'gpt-5' }, folding: ['bob'], extra: { nested: { deep: [1] } } }),
  chatRow(T0 + 1000, 'codex', 'reply', { reply_to: keyToIso(T0), acp_usage: { used: 1, size: 2 }, acp_turn: { id: 't', state: 'completed' } }),
  { ...chatRow(T0 + 2000, 'bob', 'legacy'), history: undefined, mesg: { content: 'old style' }, reply_to: keyToIso(T0) },
];


// A syncdb of a host app may hand out rows it did not freeze (and that it may still change).
function unfrozenSyncDB(rows: Row[]): SyncDB {
  const db = new MemorySyncDB(rows);
  const thaw = (row: Row) => structuredClone(row);
  return {
    get: (where) => db.get(where).map(thaw),
    get_one: (where) => {
      const row = db.get_one(where);
      return row && thaw(row);
    },
    set: (obj) => db.set(obj),
    delete: (where) => db.delete(where),
    commit: () => db.commit(),
    on: (event, listener) => db.on(event, listener),
    off: (event, listener) => db.off(event, listener),
  };
}

function unfrozenPath(value: unknown, path = 'state'): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (!Object.isFrozen(value) && path !== 'state') return path;
  for (const [key, child] of Object.entries(value)) {
    const found = unfrozenPath(child, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

const wrap = (db: SyncDB): SyncDB => ({ get: (where) => db.get(where), get_one: (where) => db.get_one(where), set: (obj) => db.set(obj), delete: (where) => db.delete(where), commit: () => db.commit(), on: (event, listener) => db.on(event, listener), off: (event, listener) => db.off(event, listener) });

describe('chat store state is frozen all the way down', () => {
  it('over a MemorySyncDB (frozen rows, shared) and over a syncdb of unfrozen rows (copied, never frozen in place)', () => {
    for (const syncdb of [new MemorySyncDB(ROWS), unfrozenSyncDB(ROWS)]) {
      const handedOut = syncdb.get();
      const store = createChatStore({ ...wrap(syncdb), get: () => handedOut }, { accountId: 'alice' });
      const messages = selectThreadMessages(store.getState(), String(T0));
      expect(messages.map((message) => message.history[0].content)).toEqual(['root', 'reply', 'old style']);
      expect(unfrozenPath({ ...store.getState() })).toBeUndefined(); // zustand's setState makes a new (unfrozen) root
      // The host's rows and their schema fields stay its own (extra fields are shared, as zod's passthrough does).
      if (!(syncdb instanceof MemorySyncDB)) expect(handedOut.some((row) => [row, row.history, row.folding, row.acp_config].some((part) => part !== undefined && Object.isFrozen(part)))).toBe(false);
      store.destroy();
    }
  });

  it('after a change, too', () => {
    const db = new MemorySyncDB(ROWS);
    const store = createChatStore(db, { accountId: 'alice' });
    db.set(chatRow(T0 + 3000, 'alice', 'new', { reply_to: keyToIso(T0), feedback: { bob: 'up' } }));
    db.commit();
    expect(selectThreadMessages(store.getState(), String(T0))).toHaveLength(4);
    expect(unfrozenPath({ ...store.getState() })).toBeUndefined(); // zustand's setState makes a new (unfrozen) root
    store.destroy();
  });
});
