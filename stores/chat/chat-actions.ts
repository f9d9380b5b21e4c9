import { CHAT_SCHEMA_VERSION } from '../../src/protocol/index.js';
import type { SyncDB } from '../../src/syncdb/index.js';
import { keyToIso } from '../../src/syncdb/index.js';
import { getFromBuckets } from './buckets.js';
import type { ChatActions, ChatMessage, ChatState, SentMessage } from './chat-types.js';

type ActionDeps = { syncdb: SyncDB; getState: () => ChatState; accountId: string; now: () => number };

/** The chat store's actions. Dates are written as ISO strings; every action commits once. */
export function createChatActions({ syncdb, getState, accountId, now }: ActionDeps): ChatActions {
  let lastIssued = Number.NEGATIVE_INFINITY;

  // A message is named by its millisecond, so two sends in one millisecond must not share it.
  const nextMessageMs = () => {
    let ms = Math.max(now(), lastIssued + 1);
    while (getFromBuckets(getState().messages, String(ms))) ms += 1;
    lastIssued = ms;
    return ms;
  };

  const write = (row: Record<string, unknown>) => {
    syncdb.set(row);
    syncdb.commit();
  };

  const messageAt = (messageKey: string): ChatMessage => {
    const message = getFromBuckets(getState().messages, messageKey);
    if (!message) throw new Error(`[chat-store] no message ${messageKey}`);
    return message;
  };

  const rootOf = (threadKey: string): ChatMessage => {
    const root = getFromBuckets(getState().messages, threadKey);
    if (!root || root.threadKey !== threadKey) throw new Error(`[chat-store] no root message for thread ${threadKey}`);
    return root;
  };

  const keyOf = (message: ChatMessage) => ({ date: message.date, sender_id: message.sender_id, event: 'chat' });

  const newMessage = (text: string, threadKey: string | undefined, extra: Record<string, unknown>): SentMessage => {
    if (threadKey !== undefined) rootOf(threadKey);
    const ms = nextMessageMs();
    const date = keyToIso(ms);
    write({
      event: 'chat',
      date,
      sender_id: accountId,
      history: [{ author_id: accountId, content: text, date }],
      schema_version: CHAT_SCHEMA_VERSION,
      ...(threadKey !== undefined ? { reply_to: keyToIso(threadKey) } : {}),
      ...extra,
    });
    return { key: String(ms), date, threadKey: threadKey ?? String(ms) };
  };

  const draftKey = (threadKey: string | null) => ({ event: 'draft', sender_id: accountId, date: threadKey === null ? 0 : -Number(threadKey) });

  return {
    sendMessage: ({ text, threadKey }) => newMessage(text, threadKey, {}),
    createAgentThread: ({ text, config, name }) => newMessage(text, undefined, { acp_config: config, ...(name ? { name } : {}) }),
    updateThreadConfig: (threadKey, patch) => write({ ...keyOf(rootOf(threadKey)), acp_config: { ...patch, changedBy: accountId, changedAt: keyToIso(now()) } }),
    editMessage: (messageKey, text) => {
      const message = messageAt(messageKey);
      const entry = { author_id: accountId, content: text, date: keyToIso(now()) };
      write({ ...keyOf(message), history: [entry, ...message.history], schema_version: CHAT_SCHEMA_VERSION });
    },
    setFeedback: (messageKey, value) => write({ ...keyOf(messageAt(messageKey)), feedback: { [accountId]: value } }),
    setPinned: (threadKey, pinned) => write({ ...keyOf(rootOf(threadKey)), pin: pinned }),
    setFolded: (threadKey, folded) => {
      const root = rootOf(threadKey);
      const others = (root.folding ?? []).filter((id) => id !== accountId);
      write({ ...keyOf(root), folding: folded ? [...others, accountId] : others });
    },
    renameThread: (threadKey, name) => write({ ...keyOf(rootOf(threadKey)), name: name.trim() === '' ? null : name.trim() }),
    markRead: (threadKey) => {
      const thread = getFromBuckets(getState().threads, threadKey);
      write({ ...keyOf(rootOf(threadKey)), [`read-${accountId}`]: thread?.messageCount ?? 0 });
    },
    setDraft: (threadKey, input) => write({ ...draftKey(threadKey), input, active: now() }),
    clearDraft: (threadKey) => {
      syncdb.delete(draftKey(threadKey));
      syncdb.commit();
    },
  };
}
