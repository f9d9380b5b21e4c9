export { CHAT_STORE_BUILD_MEASURE, CHAT_STORE_WHOLE_MARK, createChatStore } from './create-chat-store.js';
export { NEW_THREAD_DRAFT_KEY } from './chat-types.js';
export type {
  AcpConfigPatch,
  ChatActions,
  ChatDraft,
  ChatMessage,
  ChatState,
  ChatStore,
  ChatStoreOptions,
  ChatThread,
  SentMessage,
} from './chat-types.js';
export { deriveThreadLabel, messageText } from './thread-label.js';
export { selectThreadSections } from './selectors/select-thread-sections.js';
export type { ThreadSection, ThreadSectionKey } from './selectors/select-thread-sections.js';
export { selectThreadMessages } from './selectors/select-thread-messages.js';
export { selectLatestUsage, selectPreviousUsage } from './selectors/select-latest-usage.js';
export { selectUnreadCounts } from './selectors/select-unread-counts.js';
export { selectMessage, selectProblems, selectThread, selectThreadList } from './selectors/select-entries.js';
export { BUCKET_COUNT, bucketValues, getFromBuckets } from './buckets.js';
export type { Buckets } from './buckets.js';
