import type { Row } from '../../../src/protocol/index.js';
import { keyToIso } from '../../../src/syncdb/index.js';

/** A chat message row at `ms` (test and benchmark data). */
export function chatRow(ms: number, sender: string, text: string, extra: Record<string, unknown> = {}): Row {
  const date = keyToIso(ms);
  return { event: 'chat', date, sender_id: sender, history: [{ author_id: sender, content: text, date }], schema_version: 1, ...extra };
}

/**
 * A document of `threads` threads with `perThread` messages each, one second apart: every third
 * thread an agent thread (root with `acp_config`, agent replies with `acp_usage` and `acp_turn`).
 */
export function buildChatDocument({ threads, perThread, startMs = Date.UTC(2024, 0, 1) }: { threads: number; perThread: number; startMs?: number }): Row[] {
  const rows: Row[] = [];
  for (let thread = 0; thread < threads; thread += 1) {
    const rootMs = startMs + thread * perThread * 1000;
    const agent = thread % 3 === 0;
    rows.push(chatRow(rootMs, 'alice', `Thread ${thread}: please look at the failing build in module ${thread}`, agent ? { acp_config: { agent: 'codex', model: 'gpt-5' } } : {}));
    for (let reply = 1; reply < perThread; reply += 1) {
      const fromAgent = agent && reply % 2 === 1;
      const extra: Record<string, unknown> = { reply_to: keyToIso(rootMs) };
      if (fromAgent) {
        Object.assign(extra, { acp_account_id: 'alice', generating: false, acp_usage: { used: 1000 * reply, size: 200_000 }, acp_turn: { id: `turn-${thread}-${reply}`, state: 'completed' } });
      }
      rows.push(chatRow(rootMs + reply * 1000, fromAgent ? 'codex' : reply % 4 === 0 ? 'bob' : 'alice', `Reply ${reply} in thread ${thread}`, extra));
    }
  }
  return rows;
}
