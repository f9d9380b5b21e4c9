import type { TurnView } from '../../src/activity/index.js';
import type { TurnEvent } from '../../src/protocol/index.js';

/** This client's interrupt request for a turn: sent and waiting, or refused with the error. */
export type InterruptRequest = { state: 'requested' } | { state: 'failed'; error: string };

/** This client's answer to a permission request: being sent, sent, or refused with the error. */
export type ApprovalRequest = { optionId: string; state: 'sending' | 'sent' } | { optionId: string; state: 'failed'; error: string };

/** The turn store: one TurnView per turn, fed by batches of turn events, plus this client's requests. */
export type TurnStoreState = {
  turns: Record<string, TurnView>;
  interrupts: Record<string, InterruptRequest>;
  /** Keyed by `approvalKey(turnId, requestId)`. */
  approvals: Record<string, ApprovalRequest>;
  /** Fold a batch of events into the turn (one notification; events with seq <= lastSeq are ignored). */
  ingestEvents(turnId: string, events: readonly TurnEvent[]): void;
  /** Subscribe to the turn's live events (ref-counted); returns the disposer. */
  watchTurn(turnId: string): () => void;
  interrupt(turnId: string): Promise<void>;
  respondToApproval(turnId: string, requestId: string, optionId: string): Promise<void>;
  /**
   * Deletes the activity log of one turn (`turnId`) or of every turn of a thread (`logs.delete`); the
   * rows keep their text. Resolves with how many logs were deleted; rejects with the hub's reason
   * (a running turn is refused).
   */
  deleteLogs(target: { path: string; threadKey: string; turnId?: string }): Promise<number>;
  /** The size of the hub's activity logs (admin only). */
  loadLogStats(): Promise<{ bytes: number; turns: number }>;
  /** Drop every subscription. */
  dispose(): void;
};

/** Key of an approval request in `approvals`. */
export function approvalKey(turnId: string, requestId: string): string {
  return `${turnId}\u0000${requestId}`;
}
