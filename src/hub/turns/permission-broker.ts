import type { PermissionOption, RequestPermissionResponse } from '@agentclientprotocol/sdk';

type Pending = { options: PermissionOption[]; settle: (outcome: Decision) => void; timer: NodeJS.Timeout };
/** How a request ended. */
export type Decision = { state: 'selected' | 'timed-out'; optionId: string; decidedBy: string } | { state: 'cancelled'; decidedBy: string };

/** The option Deny and the timeout pick: the agent's reject option (never "cancelled"). */
export function rejectOptionOf(options: PermissionOption[]): PermissionOption | undefined {
  return options.find((option) => option.kind === 'reject_once') ?? options.find((option) => option.kind === 'reject_always');
}

/** Pending permission requests of one turn, each waiting for a user, the timeout or the turn's end. */
export class PermissionBroker {
  private readonly pending = new Map<string, Pending>();

  /** Waits for a decision; after `timeoutMs` the reject option is selected. */
  wait(requestId: string, options: PermissionOption[], timeoutMs: number): Promise<Decision> {
    return new Promise((resolve) => {
      const settle = (decision: Decision) => {
        clearTimeout(this.pending.get(requestId)?.timer);
        this.pending.delete(requestId);
        resolve(decision);
      };
      const timer = setTimeout(() => {
        const reject = rejectOptionOf(options);
        settle(reject ? { state: 'timed-out', optionId: reject.optionId, decidedBy: 'timeout' } : { state: 'cancelled', decidedBy: 'timeout' });
      }, timeoutMs);
      this.pending.set(requestId, { options, settle, timer });
    });
  }

  /** A user's answer; false when the request is unknown or the option is not one it offered. */
  respond(requestId: string, optionId: string, accountId: string): boolean {
    const entry = this.pending.get(requestId);
    if (!entry || !entry.options.some((option) => option.optionId === optionId)) return false;
    entry.settle({ state: 'selected', optionId, decidedBy: accountId });
    return true;
  }

  /** Answers every pending request `cancelled` (the turn is being interrupted or ended). */
  cancelAll(decidedBy: string): void {
    for (const entry of [...this.pending.values()]) entry.settle({ state: 'cancelled', decidedBy });
  }

  has(requestId: string): boolean {
    return this.pending.has(requestId);
  }
}

/** The ACP answer for a decision. */
export function toPermissionResponse(decision: Decision): RequestPermissionResponse {
  return decision.state === 'cancelled' ? { outcome: { outcome: 'cancelled' } } : { outcome: { outcome: 'selected', optionId: decision.optionId } };
}
