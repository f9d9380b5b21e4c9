export { MAX_SEARCH_MATCHES, SEARCH_STEP_MESSAGES, findOccurrences, searchThread, searchThreadSteps } from './search-thread.js';
export type { SearchMatch, SearchSource, ThreadSearchInput, ThreadSearchResult } from './search-thread.js';
export { MAX_CHAT_SEARCH_THREADS, searchChat, snippetAround } from './search-chat.js';
export type { ChatSearchHit, ChatSearchInput } from './search-chat.js';
export { revealMatch } from './reveal-match.js';
export { itemTexts } from './item-texts.js';
export type { ItemField, ItemText } from './item-texts.js';
