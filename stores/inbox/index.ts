// The approval inbox's model: which turns run, and which of their permission requests wait.
export { runningTurnsOf, selectRunningTurns } from './select-running-turns.js';
export type { RunningTurnRef } from './select-running-turns.js';
export { selectPendingApprovals } from './select-pending-approvals.js';
export type { PendingApproval } from './select-pending-approvals.js';
