import { createStore } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import type { AcpApi } from '../../src/acp-api/index.js';
import { createChatStore, selectThread } from '../chat/index.js';
import type { ChatStore } from '../chat/index.js';
import { buildPrompt, messageTextWithAttachments } from './build-prompt.js';
import { deleteThreadRows } from './delete-thread-rows.js';
import { OpenChat } from './room-store-types.js';
import type { OpenDocument, RoomStoreState } from './room-store-types.js';

/** What the room needs: the api, who is typing, and how to open a chat document by path. */
export type RoomStoreDeps = {
  api: AcpApi;
  accountId: string;
  /** Lite mode: a RemoteSyncDB over the api; a host app: its own syncdb. */
  openDocument: OpenDocument;
};

const MAX_MENTION_FILES = 20;

/** `threadKey` when the chat has that thread, else null. */
function threadIn(store: ChatStore, threadKey: string | undefined): string | null {
  return threadKey && selectThread(store.getState(), threadKey) ? threadKey : null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The room store: which chat is open, which thread is selected, and sending into it. */
export function createRoomStore({ api, accountId, openDocument }: RoomStoreDeps) {
  const store = createStore<RoomStoreState>()(
    immer((set, get) => {
      const fail = (prefix: string, error: unknown) => {
        console.warn(`[room] ${prefix}:`, error);
        set((draft) => void (draft.error = `${prefix}: ${errorText(error)}`));
      };
      const requireChat = () => {
        const chat = get().chat;
        if (!chat) throw new Error('[room] no chat is open');
        return chat;
      };
      return {
        files: null,
        chat: null,
        chatPath: null,
        opening: false,
        selectedThreadKey: null,
        pendingAgentConfig: null,
        error: null,
        refreshFiles: async () => {
          try {
            const { files } = await api.call('chat.list', {});
            set((draft) => void (draft.files = files));
          } catch (error) {
            fail('Could not list the chat files', error);
          }
        },
        createChat: async (path) => {
          try {
            const created = await api.call('chat.create', { path });
            await get().refreshFiles();
            await get().openChat(created.path);
          } catch (error) {
            fail(`Could not create ${path}`, error);
          }
        },
        openChat: async (path, { threadKey } = {}) => {
          const open = get().chat;
          if (get().chatPath === path && open) {
            const selected = threadIn(open.store, threadKey);
            if (selected && get().selectedThreadKey !== selected) get().selectThread(selected);
            return;
          }
          set((draft) => {
            draft.chatPath = path;
            draft.opening = true;
            draft.selectedThreadKey = null;
            draft.pendingAgentConfig = null;
          });
          try {
            const document = await openDocument(path, threadKey ? { thread: threadKey } : {});
            if (get().chatPath !== path) return document.close(); // another chat was picked meanwhile
            const previous = get().chat;
            const chat = new OpenChat(path, document, createChatStore(document.syncdb, { accountId }));
            // One update: the thread's first render is the first render (no new-thread pane before it).
            const selected = threadIn(chat.store, threadKey);
            set((draft) => {
              draft.chat = chat;
              draft.opening = false;
              draft.error = null;
              if (selected) draft.selectedThreadKey = selected;
            });
            if (previous) closeChat(previous);
          } catch (error) {
            set((draft) => void (draft.opening = false));
            fail(`Could not open ${path}`, error);
          }
        },
        // Read marks are set by the thread view once the thread's rows are there (a forked
        // thread's rows arrive from the hub after it is selected).
        selectThread: (threadKey) =>
          set((draft) => {
            draft.selectedThreadKey = threadKey;
            draft.pendingAgentConfig = null;
          }),
        startAgentThread: (config) =>
          set((draft) => {
            draft.selectedThreadKey = null;
            draft.pendingAgentConfig = config;
          }),
        sendMessage: async (threadKey, message) => {
          const chat = requireChat();
          const { actions } = chat.store;
          const images = message.images ?? [];
          const text = messageTextWithAttachments(message.text, images);
          const config = threadKey === null ? get().pendingAgentConfig : null;
          const sent = config
            ? actions.createAgentThread({ text, config })
            : actions.sendMessage(threadKey === null ? { text } : { text, threadKey });
          actions.clearDraft(threadKey);
          if (threadKey === null) get().selectThread(sent.threadKey);
          const isAgent = selectThread(chat.store.getState(), sent.threadKey)?.isAgent ?? config !== null;
          if (!isAgent) return sent.threadKey;
          try {
            const prompt = buildPrompt(message.text, message.mentions ?? [], images);
            // The turn reads the user's row on the hub: wait until the hub has it (through reconnects).
            await chat.document.syncdb.flushed?.();
            await api.call('turn.send', { path: chat.path, threadKey: sent.threadKey, prompt, userDate: sent.date });
            set((draft) => void (draft.error = null));
          } catch (error) {
            fail('Your message is saved, but the agent did not get it', error);
          }
          return sent.threadKey;
        },
        forkThread: async (threadKey) => {
          try {
            const forked = await api.call('session.fork', { path: requireChat().path, threadKey });
            get().selectThread(forked.threadKey);
          } catch (error) {
            fail('Could not fork the thread', error);
          }
        },
        searchFiles: async (query) => {
          const { files, truncated } = await api.call('files.list', { query, limit: MAX_MENTION_FILES });
          return { files, truncated: truncated === true };
        },
        deleteThread: async (threadKey) => {
          const chat = requireChat();
          deleteThreadRows(chat.document.syncdb, threadKey);
          if (get().selectedThreadKey === threadKey) get().selectThread(null);
          try {
            await api.call('logs.delete', { path: chat.path, threadKey });
          } catch (error) {
            fail('The thread is deleted, but its turn logs were not', error);
          }
        },
        dismissError: () => set((draft) => void (draft.error = null)),
        dispose: () => {
          const chat = get().chat;
          if (chat) closeChat(chat);
          set((draft) => void (draft.chat = null));
        },
      };
    }),
  );
  return store;
}

function closeChat(chat: OpenChat) {
  chat.store.destroy();
  chat.document.close();
}

/** The vanilla room store. */
export type RoomStore = ReturnType<typeof createRoomStore>;
