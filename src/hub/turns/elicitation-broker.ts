import { randomUUID } from 'node:crypto';
import type { AcpApiNotification, AcpApiNotifications, ElicitationAction, ElicitationRequest } from '../../protocol/index.js';

/** Sends a notification to every connected client of one account (all its tabs), optionally but one. */
export type NotifyAccount = <N extends AcpApiNotification>(accountId: string, name: N, params: AcpApiNotifications[N], options?: { exceptClientId?: string }) => void;

/** A device code lives 15 minutes at OpenAI; an elicitation nobody ends is withdrawn after this. */
export const DEFAULT_ELICITATION_TIMEOUT_MS = 15 * 60_000;

/** What an agent asked, and whom: the account that started the turn. */
export type ElicitationAsk = Omit<ElicitationRequest, 'elicitationId'> & {
  accountId: string;
  /** Aborted when the agent withdraws its request (the request was cancelled, the agent exited). */
  signal?: AbortSignal;
  /** Called when the user cancels after accepting (the sign-in the agent is waiting for must stop). */
  onCancelAfterAccept?: () => void;
};

type Entry = { request: ElicitationRequest; accountId: string; accepted: boolean; settle(action: ElicitationAction): void; onCancelAfterAccept?: () => void; timer: NodeJS.Timeout; unlisten(): void };

/**
 * Pending URL elicitations. Each goes only to the account that started its turn
 * (`elicitation.request`); one of its tabs answers (`elicitation.respond`), which withdraws it from
 * the others (`elicitation.done`). After "accept" it stays open, shown as "Waiting for sign-in…" in
 * the tab that answered, until the agent completes it, the turn ends, the agent goes or it times out.
 */
export class ElicitationBroker {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly notify: NotifyAccount,
    private readonly timeoutMs = DEFAULT_ELICITATION_TIMEOUT_MS,
  ) {}

  /**
   * Shows the request to its account. `answer` resolves with the user's answer ('cancel' when it is
   * withdrawn or times out first); `elicitationId` is the hub's id for it (never the agent's).
   */
  ask(ask: ElicitationAsk): { elicitationId: string; answer: Promise<ElicitationAction> } {
    const { accountId, signal, onCancelAfterAccept, ...fields } = ask;
    const request: ElicitationRequest = { ...fields, elicitationId: `elicitation-${randomUUID()}` };
    const id = request.elicitationId;
    if (signal?.aborted) return { elicitationId: id, answer: Promise.resolve('cancel') };
    const answer = new Promise<ElicitationAction>((resolve) => {
      let settled = false;
      const onAbort = () => this.finish(id);
      const timer = setTimeout(() => {
        const entry = this.entries.get(id);
        if (entry?.accepted) entry.onCancelAfterAccept?.();
        this.finish(id);
      }, this.timeoutMs);
      timer.unref();
      this.entries.set(id, {
        request,
        accountId,
        accepted: false,
        onCancelAfterAccept,
        timer,
        settle: (action) => {
          if (settled) return;
          settled = true;
          resolve(action);
        },
        unlisten: () => signal?.removeEventListener('abort', onAbort),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.notify(accountId, 'elicitation.request', request);
    });
    return { elicitationId: id, answer };
  }

  /**
   * A tab's answer. False when the elicitation is unknown or belongs to another account (the same
   * answer for both, so ids cannot be probed).
   */
  respond(elicitationId: string, action: ElicitationAction, by: { accountId: string; clientId: string }): boolean {
    const entry = this.entries.get(elicitationId);
    if (!entry || entry.accountId !== by.accountId) return false;
    if (action === 'accept') {
      if (entry.accepted) return true;
      entry.accepted = true;
      entry.settle('accept');
      // The other tabs let go of it; the answering one waits for the sign-in to finish.
      this.notify(entry.accountId, 'elicitation.done', { elicitationId }, { exceptClientId: by.clientId });
      return true;
    }
    if (entry.accepted) entry.onCancelAfterAccept?.();
    entry.settle(action);
    this.finish(elicitationId);
    return true;
  }

  /** The elicitation is over (the agent completed it, or its sign-in ended): every tab lets go of it. */
  finish(elicitationId: string): void {
    const entry = this.entries.get(elicitationId);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.unlisten();
    this.entries.delete(elicitationId);
    entry.settle('cancel');
    this.notify(entry.accountId, 'elicitation.done', { elicitationId });
  }

  /** Ends every elicitation of a turn (the turn ended; its agent exited). */
  finishTurn(turnId: string): void {
    for (const [id, entry] of [...this.entries]) if (entry.request.turnId === turnId) this.finish(id);
  }
}

// One broker per notify function: the project scopes of a multiuser hub share the hub's client
// registry, so an `elicitation.respond` (a hub-level method) finds its elicitation whichever scope asked.
const brokers = new WeakMap<NotifyAccount, ElicitationBroker>();

/** The broker behind `notifyAccount` (created on first use). */
export function elicitationBrokerFor(notifyAccount: NotifyAccount): ElicitationBroker {
  let broker = brokers.get(notifyAccount);
  if (!broker) {
    broker = new ElicitationBroker(notifyAccount);
    brokers.set(notifyAccount, broker);
  }
  return broker;
}
