import type { StoreApi } from 'zustand/vanilla';
import type { AcpConfig, ChatRow } from '../../src/protocol/index.js';
import type { Buckets } from './buckets.js';

/** A chat message: the (upgraded) row plus its ms-string key and the key of its thread. */
export type ChatMessage = ChatRow & { key: string; threadKey: string };

/** One entry of the thread index, kept up to date incrementally. */
export type ChatThread = {
  /** ms-string of the root's date. */
  key: string;
  /** The thread name, else the start of the root message, as CoCalc derives it. */
  label: string;
  /** False while only replies are known (the root row is missing or unreadable). */
  hasRoot: boolean;
  messageCount: number;
  /** Key and epoch ms of the newest message. */
  newestKey: string;
  newestTime: number;
  /** Messages not yet read by the account (`read-<account_id>` on the root counts the read ones). */
  unreadCount: number;
  pinned: boolean;
  /** The account is in the root's `folding`. */
  folded: boolean;
  /** The root has `acp_config`. */
  isAgent: boolean;
  agent?: string;
  model?: string;
  /** Some row of the thread is `generating`. */
  running: boolean;
};

/** A composer draft of the account: `key` is a thread key, or NEW_THREAD_DRAFT_KEY. */
export type ChatDraft = { key: string; input: string; active?: number };

/** The plain-object state of the chat store. */
export type ChatState = {
  accountId: string;
  /** Messages by ms-string of their date (read with `selectMessage`; see buckets.ts for why buckets). */
  messages: Buckets<ChatMessage>;
  /** Threads by key (read with `selectThread`, all of them with `selectThreadList`). */
  threads: Buckets<ChatThread>;
  /** Message keys of each thread by thread key, oldest first (`selectThreadMessages` gives the messages). */
  threadMessageKeys: Buckets<readonly string[]>;
  /** The account's drafts by draft key (a thread key or NEW_THREAD_DRAFT_KEY). */
  drafts: Record<string, ChatDraft>;
  /** Rows that could not be shown, by `keyString` of their primary key, with why (`selectProblems`). */
  problems: Buckets<readonly string[]>;
  /**
   * The document is still arriving (a thread-first open, `SyncDB.loading`): threads other than the
   * open one have only their root and newest message so far, so their counts are not final.
   */
  loading: boolean;
};

/** A change of a thread's `acp_config`: given fields replace, `null` unsets. */
export type AcpConfigPatch = { [K in keyof AcpConfig]?: AcpConfig[K] | null };

/** What a sent message is called by. */
export type SentMessage = { key: string; date: string; threadKey: string };

/** Actions: each writes through the syncdb and commits; the store follows from the change event. */
export type ChatActions = {
  sendMessage(input: { text: string; threadKey?: string }): SentMessage;
  createAgentThread(input: { text: string; config: AcpConfig; name?: string }): SentMessage;
  updateThreadConfig(threadKey: string, patch: AcpConfigPatch): void;
  editMessage(messageKey: string, text: string): void;
  /** Sets (or with null removes) the account's reaction to a message. */
  setFeedback(messageKey: string, value: string | null): void;
  setPinned(threadKey: string, pinned: boolean): void;
  setFolded(threadKey: string, folded: boolean): void;
  /** Names a thread; an empty name removes it (the label falls back to the root text). */
  renameThread(threadKey: string, name: string): void;
  markRead(threadKey: string): void;
  /** threadKey null: the draft of a new thread. */
  setDraft(threadKey: string | null, input: string): void;
  clearDraft(threadKey: string | null): void;
};

/** The chat store: a zustand vanilla store plus its actions and the disposer of its listener. */
export type ChatStore = StoreApi<ChatState> & { actions: ChatActions; destroy(): void };

/** Options of createChatStore; `now` (epoch ms) is injectable so tests are deterministic. */
export type ChatStoreOptions = { accountId: string; now?: () => number };

/** Draft key of the composer of a new thread (a draft row with date 0). */
export const NEW_THREAD_DRAFT_KEY = 'new';
