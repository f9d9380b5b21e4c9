import { MemorySyncDB, keyToIso } from '../../../src/syncdb/index.js';
import { createChatStore } from '../create-chat-store.js';
import { chatRow } from '../testing/build-chat-rows.js';
import { selectLatestUsage, selectPreviousUsage } from './select-latest-usage.js';

const NOW = Date.UTC(2024, 4, 10, 12);

describe('selectPreviousUsage', () => {
  it('returns the usage of the agent row before the latest one that has usage', () => {
    const db = new MemorySyncDB([
      chatRow(NOW, 'alice', 'go', { acp_config: { agent: 'codex' } }),
      chatRow(NOW + 1, 'codex', 'one', { reply_to: keyToIso(NOW), acp_usage: { used: 10, size: 100 } }),
      chatRow(NOW + 2, 'alice', 'more', { reply_to: keyToIso(NOW) }),
      chatRow(NOW + 3, 'codex', 'two', { reply_to: keyToIso(NOW), acp_usage: { used: 40, size: 100 } }),
    ]);
    const chat = createChatStore(db, { accountId: 'alice' });
    const thread = String(NOW);
    expect(selectLatestUsage(chat.getState(), thread)?.used).toBe(40);
    expect(selectPreviousUsage(chat.getState(), thread)?.used).toBe(10);
    db.delete({ date: keyToIso(NOW + 1), sender_id: 'codex', event: 'chat' });
    db.commit();
    expect(selectPreviousUsage(chat.getState(), thread)).toBeUndefined();
    expect(selectPreviousUsage(chat.getState(), 'missing')).toBeUndefined();
  });
});
