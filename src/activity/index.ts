export type {
  ActivityItem,
  ActivityItemKind,
  BoundedText,
  ContextUsage,
  DiffFile,
  DiffItem,
  HunkReview,
  ItemId,
  ItemStatus,
  MessageItem,
  NoticeItem,
  PermissionItem,
  PlanItem,
  ReasoningItem,
  TerminalItem,
  ToolItem,
  TurnTokens,
  TurnView,
  UnknownItem,
} from './types.js';
export { createTurnView } from './create-turn-view.js';
export { applyTurnEvent } from './apply-turn-event.js';
export { reduceTurnEvents } from './reduce-turn-events.js';
export { OUTPUT_HEAD_CHARS, OUTPUT_TAIL_CHARS, boundedTextToString } from './bounded-text.js';
export { MAX_UNHANDLED_EVENTS } from './cards/unknown.js';
export { MAX_TOOL_TEXT_CHARS } from './cards/tool.js';
export { isToolLikeItem } from './cards/tool-call.js';
export type { ToolLikeItem } from './cards/tool-call.js';
export { isOpenStatus } from './item-status.js';
export { selectAgentMessages, selectFinalAnswer, selectItems, selectPendingPermissions } from './selectors.js';
export { CONTEXT_CRITICAL_PERCENT_LEFT, CONTEXT_WARNING_PERCENT_LEFT, countCompactions, selectContextMeter } from './context-meter.js';
export type { ContextMeter } from './context-meter.js';
export { selectDiffTotals, selectFileDiffTotals, selectFilesTouched } from './diff-totals.js';
export type { DiffTotals, FileDiffTotals } from './diff-totals.js';
export { countFileDiffComputations, fileDiff, peekFileDiff } from './file-diff.js';
export { FILE_CHANGED, revertHunks } from './revert-hunks.js';
export type { RevertResult } from './revert-hunks.js';
export { MAX_EDIT_LENGTH } from './edit-script.js';
export type { DiffHunk, FileDiff } from './file-diff.js';
export { canInterrupt, isTurnActive, isTurnEnded } from './predicates.js';
export { filterItemsByCategory, isItemInCategory } from './categories.js';
export type { ItemCategory } from './categories.js';
