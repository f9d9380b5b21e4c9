// One changed row on a 10,000-message document: the store's incremental update vs rebuilding the
// store from the whole document, measured side by side in one run (medians of many repetitions).
import { MemorySyncDB, keyToIso } from '../src/syncdb/index.js';
import { createChatStore, selectMessage } from '../stores/index.js';
import { buildChatDocument } from '../stores/chat/testing/build-chat-rows.js';

const MESSAGES = 10_000;
const INCREMENTAL_RUNS = 2_000;
const REBUILD_RUNS = 30;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export default async function benchChatStore(): Promise<void> {
  const rows = buildChatDocument({ threads: 200, perThread: MESSAGES / 200 });
  const db = new MemorySyncDB(rows);
  const store = createChatStore(db, { accountId: 'alice', now: () => Date.UTC(2024, 0, 2) });
  const target = rows[rows.length / 2];
  let seen = 0;
  const unsubscribe = store.subscribe(() => (seen += 1));

  const incremental: number[] = [];
  for (let run = 0; run < INCREMENTAL_RUNS; run += 1) {
    const content = `edited ${run}`;
    db.set({ date: target.date, sender_id: target.sender_id, event: 'chat', history: [{ author_id: 'alice', content, date: keyToIso(run) }] });
    const start = performance.now();
    db.commit();
    incremental.push(performance.now() - start);
  }
  if (seen !== INCREMENTAL_RUNS || selectMessage(store.getState(), String(Date.parse(String(target.date))))?.history[0].content !== `edited ${INCREMENTAL_RUNS - 1}`) {
    throw new Error('[bench] the store did not follow the changes');
  }
  unsubscribe();

  const rebuild: number[] = [];
  for (let run = 0; run < REBUILD_RUNS; run += 1) {
    const start = performance.now();
    const fresh = createChatStore(db, { accountId: 'alice' });
    rebuild.push(performance.now() - start);
    fresh.destroy();
  }
  store.destroy();

  const fast = median(incremental);
  const slow = median(rebuild);
  console.log(
    `chat-store: 1 change on ${MESSAGES} messages: incremental ${fast.toFixed(3)} ms, rebuild ${slow.toFixed(1)} ms, ratio ${Math.round(slow / fast)}x`,
  );
}
