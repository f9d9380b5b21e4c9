import { useStore } from 'zustand';
import { MemorySyncDB } from '../../../src/syncdb/index.js';
import { createChatStore } from '../../chat/index.js';
import type { ChatState, ChatStore } from '../../chat/index.js';
import { useRoomStore } from '../../provider.js';

// Read while no chat is open, so hooks keep their order; it never changes.
const NO_CHAT = createChatStore(new MemorySyncDB(), { accountId: '' });

/** The open chat's store, or null. */
export function useOpenChatStore(): ChatStore | null {
  return useStore(useRoomStore(), (state) => state.chat?.store ?? null);
}

/** A slice of the open chat's state (the empty state while none is open). */
export function useChat<T>(selector: (state: ChatState) => T): T {
  return useStore(useOpenChatStore() ?? NO_CHAT, selector);
}
