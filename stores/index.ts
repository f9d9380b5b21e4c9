// Public surface of stores/: one block per store.

// The chat store (stores/chat).
export {
  NEW_THREAD_DRAFT_KEY,
  createChatStore,
  deriveThreadLabel,
  messageText,
  getFromBuckets,
  selectLatestUsage,
  selectMessage,
  selectProblems,
  selectThread,
  selectThreadList,
  selectThreadMessages,
  selectThreadSections,
  selectUnreadCounts,
} from './chat/index.js';
export type {
  AcpConfigPatch,
  Buckets,
  ChatActions,
  ChatDraft,
  ChatMessage,
  ChatState,
  ChatStore,
  ChatStoreOptions,
  ChatThread,
  SentMessage,
  ThreadSection,
  ThreadSectionKey,
} from './chat/index.js';
