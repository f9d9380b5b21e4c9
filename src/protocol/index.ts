export type {
  ContentBlock,
  PermissionOption,
  PlanEntry,
  RequestPermissionRequest,
  SessionConfigOption,
  SessionNotification,
  SessionUpdate,
  StopReason,
  ToolCallContent,
  ToolCallStatus,
  ToolCallUpdate,
  ToolKind,
} from './acp.js';
export { deriveCapabilities, UNKNOWN_CAPABILITIES } from './agent-capabilities.js';
export type { AgentCapabilities, AgentModeInfo, SessionReport } from './agent-capabilities.js';
export { parseWith } from './parse-result.js';
export type { ParseResult } from './parse-result.js';
export { AcpConfigSchema, CODEX_MODE_IDS, SESSION_MODES } from './session-config.js';
export type { AcpConfig, SessionMode } from './session-config.js';
export {
  AcpTurnSchema,
  AcpUsageSchema,
  CHAT_SCHEMA_VERSION,
  ChatRowSchema,
  DraftRowSchema,
  HistoryEntrySchema,
  IsoDateSchema,
  TURN_STATES,
} from './chat-rows.js';
export type { AcpTurn, AcpUsage, ChatRow, DraftRow, HistoryEntry, Row, RowKey, TurnState } from './chat-rows.js';
export { PERMISSION_STATES, REVIEW_DECISIONS, TurnEventSchema } from './turn-event.js';
export type {
  ErrorTurnEvent,
  NoticeTurnEvent,
  PermissionState,
  PermissionTurnEvent,
  PromptTurnEvent,
  ResultTurnEvent,
  ReviewDecision,
  ReviewTurnEvent,
  SessionTurnEvent,
  StatusTurnEvent,
  TurnEvent,
  TurnEventType,
  UpdateTurnEvent,
} from './turn-event.js';
export { DEFAULT_HUB_SETTINGS, HubSettingsSchema, LOG_RETENTION_MAX_DAYS } from './settings.js';
export type { HubSettings, PublicCustomize } from './settings.js';
export {
  ACP_API_ERROR_CODES,
  ACP_API_HEARTBEAT_INTERVAL_MS,
  ACP_API_HEARTBEAT_METHOD,
  ACP_API_LIMITS,
  ACP_API_MAX_FRAME_BYTES,
  ACP_API_VERSION,
  PROJECT_SCOPED_METHODS,
  type AcpApiHeartbeat,
  type ProjectParam,
  type ProjectScopedMethod,
} from './acp-api-messages.js';
export { AUDIT_CSV_PATH, AUDIT_KINDS, PROJECT_ROLES } from './multiuser.js';
export { isWebUrl } from './web-url.js';
export type {
  AuditKind,
  AuditQuery,
  AuditRow,
  CredentialStatus,
  ElicitationAction,
  ElicitationRequest,
  HubMode,
  Person,
  ProjectHostStatus,
  ProjectInfo,
  ProjectRole,
} from './multiuser.js';
export type {
  AcpApiMethod,
  AcpApiMethods,
  AcpApiNotification,
  AcpApiNotifications,
  AcpApiParams,
  AcpApiResult,
  AgentAuthMethod,
  AgentInfo,
  ChatFileInfo,
  ContainerSettingsInfo,
  QueuedTurn,
  QueueAction,
  QueueChangeBy,
} from './acp-api-messages.js';
