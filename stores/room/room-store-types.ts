import type { AcpConfig, ChatFileInfo } from '../../src/protocol/index.js';
import type { SyncDB } from '../../src/syncdb/index.js';
import type { ChatStore } from '../chat/index.js';
import type { ImageAttachment } from './build-prompt.js';

/** An open chat document: its syncdb and how to let go of it. */
export type ChatDocument = { syncdb: SyncDB; close(): void };

/**
 * Opens a chat document by path. `thread`: the thread shown first, so a long document may arrive
 * thread-first (see `SyncDB.loading`); a document that is whole at once ignores it.
 */
export type OpenDocument = (path: string, options?: { thread?: string }) => Promise<ChatDocument>;

/**
 * The open chat: its path, document and chat store. A class instance on purpose: Immer leaves
 * class instances alone, so the store inside is never drafted or frozen.
 */
export class OpenChat {
  constructor(
    readonly path: string,
    readonly document: ChatDocument,
    readonly store: ChatStore,
  ) {}
}

/** What the composer sends: the text, `@` mentions picked from the file list, pasted images. */
export type OutgoingMessage = { text: string; mentions?: string[]; images?: ImageAttachment[] };

/** App-level state of the chat page. */
export type RoomState = {
  /** The workspace's chat files; null until listed. */
  files: ChatFileInfo[] | null;
  chat: OpenChat | null;
  /** Path being opened (or open). */
  chatPath: string | null;
  opening: boolean;
  selectedThreadKey: string | null;
  /** Config chosen for a new agent thread that has no first message yet. */
  pendingAgentConfig: AcpConfig | null;
  /** The last failure, shown to the user until the next action succeeds. */
  error: string | null;
};

/** Actions of the room store. */
/** What `files.list` answered: the matches, and whether the hub's index stopped at its bound (so some files are not searched). */
export type FileMatches = { files: string[]; truncated: boolean };

export type RoomActions = {
  refreshFiles(): Promise<void>;
  createChat(path: string): Promise<void>;
  /** Opens the chat; with `threadKey`, that thread is selected in the same update (when it exists) and arrives first. */
  openChat(path: string, options?: { threadKey?: string }): Promise<void>;
  selectThread(threadKey: string | null): void;
  /** Start a new agent thread: the config is kept until the first message creates the thread. */
  startAgentThread(config: AcpConfig): void;
  /** Writes the user's row; for an agent thread also queues the turn (`turn.send`). Null threadKey: a new thread. */
  sendMessage(threadKey: string | null, message: OutgoingMessage): Promise<string | null>;
  forkThread(threadKey: string): Promise<void>;
  /** Workspace files matching the query, for `@` mentions (`files.list`). */
  searchFiles(query: string): Promise<FileMatches>;
  deleteThread(threadKey: string): Promise<void>;
  dismissError(): void;
  dispose(): void;
};

/** The room store's state with its actions. */
export type RoomStoreState = RoomState & RoomActions;
