// The subset of ACP we consume, as type imports from the SDK. ACP wire names stay in this folder
// and in src/activity/translate-acp-update.ts (STYLE.md 2.4).
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
} from '@agentclientprotocol/sdk';
