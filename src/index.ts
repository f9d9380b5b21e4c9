// The plugin surface: what a host chat app imports to embed codex-chat with its own syncdb (the
// chat document) and transport (how to reach a hub). See README.md, "Embedding".

// Components
export { ChatRoom } from '../components/room/ChatRoom.js';
export { Sidebar } from '../components/room/Sidebar.js';
export { ThreadView } from '../components/room/ThreadView.js';
export { ThreadComposer } from '../components/room/ThreadComposer.js';
export { Composer } from '../components/room/Composer.js';
export { MessageList } from '../components/room/MessageList.js';
export { ConnectionIndicator } from '../components/room/ConnectionIndicator.js';
export { NewAgentThreadButton } from '../components/room/NewAgentThreadButton.js';
export { AdminPage } from '../components/admin/AdminPage.js';
export { AdminSettingsForm } from '../components/admin/AdminSettingsForm.js';
export { AgentTurn } from '../components/turn/AgentTurn.js';
export { SessionButton } from '../components/session/SessionButton.js';
export { SessionConfigModal } from '../components/session/SessionConfigModal.js';
export { ContextMeter } from '../components/session/ContextMeter.js';
export { SignInPanel } from '../components/session/SignInPanel.js';
export { QueueList } from '../components/queue/QueueList.js';
export { ThreadQueue } from '../components/queue/ThreadQueue.js';
export { SafeMarkdown } from '../components/common/SafeMarkdown.js';

// Stores
export { CodexChatProvider, useCodexStores } from '../stores/provider.js';
export type { CodexStores } from '../stores/provider.js';
export { createChatStore, selectThreadMessages, selectThreadSections, selectUnreadCounts } from '../stores/chat/index.js';
export type { ChatMessage, ChatState, ChatStore, ChatThread } from '../stores/chat/index.js';
export { createSessionStore } from '../stores/session/index.js';
export type { SessionStore } from '../stores/session/index.js';
export { createTurnStore } from '../stores/turns/index.js';
export type { TurnStore } from '../stores/turns/index.js';
export { createViewStore } from '../stores/view/index.js';
export type { ViewStore } from '../stores/view/index.js';
export { RoomProvider, createCodexChatStores, createRoomStore, exportThreadMarkdown, useRoomStore } from '../stores/room/index.js';
export type { ChatDocument, ExportMode, RoomStore, RoomStoreDeps } from '../stores/room/index.js';

// acp-api client, syncdb and protocol types
export { AcpApiError, createAcpApi, createWebSocketTransport } from './acp-api/index.js';
export type { AcpApi, AcpTransport, ConnectionState } from './acp-api/index.js';
export { MemorySyncDB, createRemoteSyncDB } from './syncdb/index.js';
export type { SyncDB } from './syncdb/index.js';
export type { AcpConfig, AgentInfo, ChatRow, HubSettings, TurnEvent } from './protocol/index.js';
export type { TurnView } from './activity/index.js';
