export type { ChangeListener, SyncDB, Where } from './types.js';
export { MemorySyncDB, createMemorySyncDB } from './memory-syncdb.js';
export { parseChatFile, serializeChatFile } from './chat-file.js';
export type { ChatFileProblem, ParsedChatFile } from './chat-file.js';
export { upgradeChatRow, upgradeDraftRow } from './upgrade-chat-row.js';
export {
  PRIMARY_KEY_FIELDS,
  dateToKey,
  dateToMs,
  isFullKey,
  keyString,
  keyToIso,
  rowKey,
  rowKeyProblem,
  threadKeyOf,
} from './keys.js';
export { canonicalJson } from './canonical-json.js';
export { THREAD_FIRST_MIN_SAVED_ROWS, threadFirstRows } from './thread-first-rows.js';
export { valuesEqual } from './row-values.js';
export { RemoteSyncDB, createRemoteSyncDB } from './remote-syncdb.js';
