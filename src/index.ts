// The plugin surface, the package's one public entry: what a host chat app imports to embed
// codex-chat with its own syncdb (the chat document) and transport (how to reach a hub). The lite
// app (src/app) uses only this file too. See README.md, "Embedding".

// The runtime and its provider
export { createCodexRuntime } from '../stores/runtime/index.js';
export type { CardOverrides, CardProps, CodexRuntime, CodexRuntimeOptions, CodexStores } from '../stores/runtime/index.js';
export { CodexProvider, useCodexRuntime, useCodexStores, useRoomStore } from '../stores/provider.js';

// The thread and the room
export { CodexThread } from '../components/thread/CodexThread.js';
export type { CodexThreadProps } from '../components/thread/CodexThread.js';
export { ChatRoom } from '../components/room/ChatRoom.js';
export { Sidebar } from '../components/room/Sidebar.js';
export { ThreadList } from '../components/room/ThreadList.js';
export { SidebarSearch } from '../components/search/SidebarSearch.js';
export { ThreadSearchBar } from '../components/search/ThreadSearchBar.js';
export { SuggestionList } from '../components/room/SuggestionList.js';
export { ThreadHeader } from '../components/room/ThreadHeader.js';
export { ThreadComposer } from '../components/room/ThreadComposer.js';
export { Composer } from '../components/room/Composer.js';
export { MessageList } from '../components/room/MessageList.js';
export { MessageRow } from '../components/room/MessageRow.js';
export { ExportMenu } from '../components/room/ExportMenu.js';
export { ConnectionIndicator } from '../components/room/ConnectionIndicator.js';
export { AccountMenu } from '../components/account/AccountMenu.js';
export { AgentCredentialsPanel } from '../components/account/AgentCredentialsPanel.js';
export { AgentCredentialRow } from '../components/account/AgentCredentialRow.js';

// Multiuser: people (names, avatars) and projects (list, role, the viewer's read-only note)
export { createPeopleStore, PeopleProvider } from '../stores/people/index.js';
export type { PeopleStore } from '../stores/people/index.js';
export { AccountAvatar } from '../components/people/AccountAvatar.js';
export { AccountPage } from '../components/people/AccountPage.js';
export { WhoLine } from '../components/people/WhoLine.js';
export { ProjectHostAlert } from '../components/projects/ProjectHostAlert.js';
export { ProjectList } from '../components/projects/ProjectList.js';
export { RoleTag } from '../components/projects/RoleTag.js';
export { ViewerNote } from '../components/projects/ViewerNote.js';
export { ViewerComposer } from '../components/projects/ViewerComposer.js';
export { ProjectRoleContext, roleAllows } from '../components/projects/project-access.js';
// Multiuser: who did what (the audit of a project or a thread)
export { AuditView } from '../components/audit/AuditView.js';
export type { AuditViewProps } from '../components/audit/AuditView.js';
export { useAuditRows } from '../stores/hooks/useAuditRows.js';
export { NewAgentThreadButton } from '../components/room/NewAgentThreadButton.js';
export { AdminPage } from '../components/admin/AdminPage.js';
export { AdminSettingsForm } from '../components/admin/AdminSettingsForm.js';
export { SiteKeyRow } from '../components/admin/SiteKeyRow.js';
export { ContainerSettingsCard } from '../components/admin/ContainerSettingsCard.js';

// Turns and their activity cards (for a host's own layout)
export { ActivityFilters, AgentTurn, InterruptControl, TurnFooter, TurnHeader } from '../components/turn/index.js';
export {
  ActivityCardSlot,
  CardErrorBoundary,
  DEFAULT_CARDS,
  DiffCard,
  FetchCard,
  MessageCard,
  NoticeCard,
  PermissionCard,
  PlanCard,
  ReadCard,
  ReasoningCard,
  TerminalCard,
  ThinkCard,
  ToolCard,
  UnknownCard,
  cardFor,
} from '../components/cards/index.js';
export type { AnyCard } from '../components/cards/index.js';
export { SessionButton } from '../components/session/SessionButton.js';
export { SessionConfigModal } from '../components/session/SessionConfigModal.js';
export { ContextMeter } from '../components/session/ContextMeter.js';
export { SignInPanel } from '../components/session/SignInPanel.js';
export { QueueList } from '../components/queue/QueueList.js';
export { ThreadQueue } from '../components/queue/ThreadQueue.js';
export { SafeMarkdown } from '../components/common/SafeMarkdown.js';

// Hooks
export {
  useAgentCapabilities,
  useApprovalActions,
  useCard,
  useCardExpanded,
  useFullOutput,
  useInterrupt,
  useNow,
  useSessionInfo,
  useThreadQueue,
  useTurn,
  useTurnFilters,
  useTurnFold,
  useWatchTurn,
} from '../stores/hooks/index.js';
export { useAgentCredentials } from '../stores/hooks/useAgentCredentials.js';
export type { AgentCredentials } from '../stores/hooks/useAgentCredentials.js';
export { useChat, useOpenChatStore, useRoom } from '../stores/room/index.js';

// Store selectors and types
export { selectThread, selectThreadMessages, selectThreadSections, selectUnreadCounts } from '../stores/chat/index.js';
export type { ChatMessage, ChatState, ChatStore, ChatThread } from '../stores/chat/index.js';
export type { SessionStore } from '../stores/session/index.js';
export type { TurnStore } from '../stores/turns/index.js';
export type { ViewStore } from '../stores/view/index.js';
export { exportThreadMarkdown } from '../stores/room/index.js';
export type { ChatDocument, ExportMode, OpenDocument, RoomStore } from '../stores/room/index.js';
export { newestChatPath } from '../stores/room/index.js';

// acp-api client, syncdb and protocol types
export { AcpApiError, createAcpApi, createWebSocketTransport, hostUnavailableError, scopeApiToProject } from './acp-api/index.js';
export type { AcpApi, AcpTransport, ConnectionState, ProjectApi } from './acp-api/index.js';
export { MemorySyncDB, createRemoteSyncDB } from './syncdb/index.js';
export type { SyncDB } from './syncdb/index.js';
export { deriveCapabilities } from './protocol/index.js';
export type {
  AcpApiMethod,
  AcpApiMethods,
  AcpApiNotification,
  AcpApiNotifications,
  AcpApiParams,
  AcpApiResult,
  AcpConfig,
  AgentCapabilities,
  AgentInfo,
  ChatRow,
  CredentialStatus,
  HubMode,
  HubSettings,
  Person,
  ProjectHostStatus,
  ProjectInfo,
  ProjectRole,
  Row,
  TurnEvent,
} from './protocol/index.js';
export type { ActivityItem, ActivityItemKind, TurnView } from './activity/index.js';
export { ApprovalInbox, ChatAlerts, NotificationToggle } from '../components/inbox/index.js';

// Themes (light / dark / system) and the narrow-window layout
export { AA_TEXT_RATIO, CodexThemeProvider, THEME_COLORS, ThemeSwitch, contrastRatio, themeCssVariables, useCodexTheme } from '../components/theme/index.js';
export type { CodexTheme, CodexThemeProviderProps, ThemeColors, ThemeName, ThemePreference } from '../components/theme/index.js';
export { RoomLayout } from '../components/layout/RoomLayout.js';
export { useMediaQuery } from '../components/layout/useMediaQuery.js';
