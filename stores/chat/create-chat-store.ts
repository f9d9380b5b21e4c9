import { freeze } from 'immer';
import type { Draft } from 'immer';
import { createStore } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import type { Row, RowKey } from '../../src/protocol/index.js';
import type { SyncDB } from '../../src/syncdb/index.js';
import { rowKey } from '../../src/syncdb/index.js';
import { applyChatChanges } from './apply-chat-changes.js';
import { applyLargeBatch } from './apply-large-batch.js';
import { createBuckets } from './buckets.js';
import { createChatActions } from './chat-actions.js';
import type { ChatState, ChatStore, ChatStoreOptions } from './chat-types.js';
import { createChatIndex, emptyReadBatch, forgetReadBatch, mergeReadBatch, readChanges } from './read-changes.js';
import type { ReadBatch } from './read-changes.js';

/** Change events at least this large are deferred while the document is still arriving (its slices are 500 rows). */
const DEFERRED_BATCH_MIN_ROWS = 64;
/** Change events at least this large skip Immer's proxies (see applyLargeBatch). */
const LARGE_BATCH_ROWS = 256;

/** The User Timing measure of each store build from a document's first rows (DevTools, the open-chat bench). */
export const CHAT_STORE_BUILD_MEASURE = 'codex-chat:chat-store-build';
/** The User Timing mark of a thread-first document becoming whole in the store. */
export const CHAT_STORE_WHOLE_MARK = 'codex-chat:chat-store-whole';

function emptyChatState(accountId: string, loading = false): ChatState {
  return { accountId, messages: createBuckets(), threads: createBuckets(), threadMessageKeys: createBuckets(), drafts: {}, problems: createBuckets(), loading };
}

/**
 * The chat store of one chat document: a zustand vanilla store (immer middleware) fed only by the
 * syncdb's change events, starting from `syncdb.get()`. Actions write through the syncdb.
 */
export function createChatStore(syncdb: SyncDB, { accountId, now = Date.now }: ChatStoreOptions): ChatStore {
  const startedAt = performance.now();
  const index = createChatIndex();
  const initialRows = syncdb.get().map((row): [RowKey, Row] => [rowKey(row), row]);
  // The first state is built by plain mutation (no drafts needed for a fresh object); every later
  // change goes through Immer. Frozen now, as Immer would on the first change, so that cost is
  // paid while loading and not by the first keystroke.
  const initial = emptyChatState(accountId, syncdb.loading !== undefined);
  applyChatChanges(initial as Draft<ChatState>, emptyChatState(accountId), readChanges(initialRows, index, accountId), index);
  freeze(initial, true);
  performance.measure(CHAT_STORE_BUILD_MEASURE, { start: startedAt });
  const store = createStore<ChatState>()(immer(() => initial));

  // While a thread-first document arrives, its rest comes as large change events, one per slice:
  // each is read at once (the index stays current) but they are applied together when the document
  // is whole, so the state's buckets are copied once and not once per slice. Small changes (your own
  // writes, live ones) apply at once as always.
  let deferred: ReadBatch | undefined = syncdb.loading ? emptyReadBatch() : undefined;
  const onChange = (changed: Set<RowKey>) => {
    const batch = readChanges(
      [...changed].map((key): [RowKey, Row | undefined] => [key, syncdb.get_one(rowKey(key))]),
      index,
      accountId,
    );
    if (batch.messageKeys.size === 0 && batch.problems.size === 0 && batch.drafts.size === 0) return;
    if (deferred && changed.size >= DEFERRED_BATCH_MIN_ROWS) return mergeReadBatch(deferred, batch);
    if (deferred) forgetReadBatch(deferred, batch); // what this batch says is newer
    const base = store.getState();
    if (changed.size >= LARGE_BATCH_ROWS) store.setState(applyLargeBatch(base, batch, index), true);
    else store.setState((draft) => applyChatChanges(draft, base, batch, index));
  };
  syncdb.on('change', onChange);
  let destroyed = false;
  syncdb.loading?.then(
    () => {
      if (destroyed) return;
      const rest = deferred;
      deferred = undefined;
      const base = store.getState();
      store.setState({ ...(rest ? applyLargeBatch(base, rest, index) : base), loading: false }, true);
      performance.mark(CHAT_STORE_WHOLE_MARK);
    },
    () => {}, // a document closed before it was whole: nothing to show any more
  );

  const actions = createChatActions({ syncdb, getState: store.getState, accountId, now });
  return Object.assign(store, {
    actions,
    destroy: () => {
      destroyed = true;
      syncdb.off('change', onChange);
    },
  });
}
