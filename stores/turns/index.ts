export { createTurnStore } from './create-turn-store.js';
export type { TurnStore, TurnStoreOptions } from './create-turn-store.js';
export { approvalKey } from './turn-store-types.js';
export type { ApprovalRequest, InterruptRequest, TurnStoreState } from './turn-store-types.js';
export { selectInterruptPhase } from './select-interrupt-phase.js';
export type { InterruptPhase } from './select-interrupt-phase.js';
export { scheduleFlushDefault } from './schedule-flush.js';
export type { ScheduleFlush } from './schedule-flush.js';
export { selectAppliedDiffTotals } from './select-applied-diff-totals.js';
