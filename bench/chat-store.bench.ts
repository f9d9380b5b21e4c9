// One changed row on a 10,000-message document: the store's incremental update vs rebuilding the
// store from the whole document, measured side by side in one run (medians of many repetitions).
// Two shapes: an edit in a document of 200 threads, and a new reply in one 10,000-message thread.
import type { Row } from '../src/protocol/index.js';
import { MemorySyncDB, dateToKey, keyToIso } from '../src/syncdb/index.js';
import { createChatStore, selectMessage, selectThread } from '../stores/index.js';
import type { ChatStore } from '../stores/index.js';
import { buildChatDocument, chatRow } from '../stores/chat/testing/build-chat-rows.js';
import { median } from './support/statistics.js';

const MESSAGES = 10_000;
const INCREMENTAL_RUNS = 2_000;
const REBUILD_RUNS = 20;

/** Times `change(run)` + commit through the store, then full rebuilds, and prints one line. */
function measure(label: string, rows: Row[], change: (db: MemorySyncDB, run: number) => void, check: (db: MemorySyncDB, store: ChatStore) => boolean): void {
  const db = new MemorySyncDB(rows);
  const store = createChatStore(db, { accountId: 'alice' });
  const incremental: number[] = [];
  for (let run = 0; run < INCREMENTAL_RUNS; run += 1) {
    change(db, run);
    const start = performance.now();
    db.commit();
    incremental.push(performance.now() - start);
  }
  if (!check(db, store)) throw new Error(`[bench] the store did not follow the changes (${label})`);
  const rebuild: number[] = [];
  for (let run = 0; run < REBUILD_RUNS; run += 1) {
    const start = performance.now();
    createChatStore(db, { accountId: 'alice' }).destroy();
    rebuild.push(performance.now() - start);
  }
  store.destroy();
  const fast = median(incremental);
  const slow = median(rebuild);
  console.log(`chat-store: ${label}: incremental ${fast.toFixed(3)} ms, rebuild ${slow.toFixed(1)} ms, ratio ${Math.round(slow / fast)}x`);
}

export default async function benchChatStore(): Promise<void> {
  const spread = buildChatDocument({ threads: 200, perThread: MESSAGES / 200 });
  const target = spread[spread.length / 2];
  measure(
    `1 change on ${MESSAGES} messages`,
    spread,
    (db, run) => db.set({ date: target.date, sender_id: target.sender_id, event: 'chat', history: [{ author_id: 'alice', content: `edited ${run}`, date: keyToIso(run) }] }),
    (_db, store) => selectMessage(store.getState(), dateToKey(target.date))?.history[0].content === `edited ${INCREMENTAL_RUNS - 1}`,
  );

  const single = buildChatDocument({ threads: 1, perThread: MESSAGES });
  const rootMs = Date.parse(String(single[0].date));
  measure(
    `1 new reply in one ${MESSAGES}-message thread`,
    single,
    (db, run) => db.set(chatRow(rootMs + MESSAGES * 1000 + run, 'bob', `reply ${run}`, { reply_to: keyToIso(rootMs) })),
    (_db, store) => selectThread(store.getState(), String(rootMs))?.messageCount === MESSAGES + INCREMENTAL_RUNS,
  );
}
