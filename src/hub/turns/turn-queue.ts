import type { QueueChangeBy, QueuedTurn } from '../../protocol/index.js';
import type { TurnServiceDeps } from '../types.js';
import type { AgentPool } from './agent-pool.js';
import type { AgentsService } from './agents-service.js';
import { moveEntry, promptText, replacePromptText } from './queue-plan.js';
import { interruptTurn, runTurn } from './run-turn.js';
import type { ThreadState, TurnRequest } from './types.js';

/**
 * Per-thread queues, held by the hub as the thread's plan: one turn runs per thread, threads run at
 * the same time. The order can be changed (move, sendNow), a queued prompt edited, the queue paused
 * after the running turn; every change is broadcast (`queue.change`) with the account that made it.
 */
export class TurnQueues {
  /** Turn id -> its thread, while queued or running. */
  private readonly turns = new Map<string, ThreadState>();

  constructor(
    private readonly deps: TurnServiceDeps,
    private readonly agents: AgentsService,
    readonly pool: AgentPool,
    /** Every thread seen, by path and thread key (shared with the pool). */
    readonly threads = new Map<string, ThreadState>(),
  ) {}

  thread(path: string, threadKey: string): ThreadState {
    const key = `${path}\0${threadKey}`;
    let thread = this.threads.get(key);
    if (!thread) {
      thread = { path, threadKey, queue: [] };
      this.threads.set(key, thread);
    }
    return thread;
  }

  /** Queues a turn; returns its position (0 = starts now). */
  enqueue(request: TurnRequest): number {
    const thread = this.thread(request.path, request.threadKey);
    this.deps.turnLogs.create(request.turnId, { path: request.path, threadKey: request.threadKey, createdAt: new Date().toISOString(), accountId: request.accountId });
    this.deps.turnLogs.append(request.turnId, { type: 'status', state: 'queued', t: Date.now() });
    this.save(request);
    thread.queue.push(request);
    this.turns.set(request.turnId, thread);
    const position = thread.queue.length - 1 + (thread.running ? 1 : 0);
    this.broadcast(thread, { action: 'add', accountId: request.accountId, turnId: request.turnId });
    this.pump(thread);
    return position;
  }

  /** Queues again a turn that was queued when the hub stopped (its log and saved prompt are there already). */
  requeue(request: TurnRequest): void {
    const thread = this.thread(request.path, request.threadKey);
    thread.queue.push(request);
    this.turns.set(request.turnId, thread);
    this.broadcast(thread);
    this.pump(thread);
  }

  /** Removes a turn that has not started; false when it is unknown or already running. */
  cancelQueued(turnId: string, accountId?: string): boolean {
    const found = this.findQueued(turnId);
    if (!found) return false;
    const { thread, index } = found;
    thread.queue.splice(index, 1);
    this.turns.delete(turnId);
    this.deps.turnLogs.saveQueued(turnId, null);
    if (thread.sendNowId === turnId) thread.sendNowId = undefined;
    this.deps.turnLogs.append(turnId, { type: 'result', stopReason: 'cancelled', t: Date.now() });
    this.deps.turnLogs.append(turnId, { type: 'status', state: 'cancelled', t: Date.now() });
    this.broadcast(thread, accountId ? { action: 'cancel', accountId, turnId } : undefined);
    return true;
  }

  /** turn.interrupt: a queued turn is removed, a running one is cancelled. False when unknown. */
  interrupt(turnId: string, accountId?: string): boolean {
    if (this.cancelQueued(turnId, accountId)) return true;
    const thread = this.turns.get(turnId);
    if (!thread || thread.running?.request.turnId !== turnId) return false;
    interruptTurn(this.deps, thread, accountId);
    return true;
  }

  /** queue.move: the queued turn goes to `toIndex` of the queue (clamped). Undefined when it is not queued. */
  move(turnId: string, toIndex: number, accountId: string): ThreadState | undefined {
    const found = this.findQueued(turnId);
    if (!found) return undefined;
    if (moveEntry(found.thread.queue, found.index, toIndex)) this.broadcast(found.thread, { action: 'move', accountId, turnId });
    return found.thread;
  }

  /** queue.edit: the queued turn's text becomes `text` (its attachments stay). Undefined when it is not queued. */
  edit(turnId: string, text: string, accountId: string): TurnRequest | undefined {
    const found = this.findQueued(turnId);
    if (!found) return undefined;
    const request = found.thread.queue[found.index];
    request.prompt = replacePromptText(request.prompt, text);
    request.editedBy = accountId;
    this.save(request);
    this.broadcast(found.thread, { action: 'edit', accountId, turnId });
    return request;
  }

  /** queue.sendNow: the queued turn runs next (even while paused); the running turn is interrupted. */
  sendNow(turnId: string, accountId: string): ThreadState | undefined {
    const found = this.findQueued(turnId);
    if (!found) return undefined;
    const { thread, index } = found;
    moveEntry(thread.queue, index, 0);
    thread.sendNowId = turnId;
    this.broadcast(thread, { action: 'sendNow', accountId, turnId });
    if (thread.running) interruptTurn(this.deps, thread, accountId);
    else this.pump(thread);
    return thread;
  }

  /** queue.pause: while paused no queued turn starts after the running one; resuming starts the next. */
  pause(path: string, threadKey: string, paused: boolean, accountId: string): void {
    const thread = this.thread(path, threadKey);
    if (Boolean(thread.paused) === paused) return;
    thread.paused = paused;
    this.broadcast(thread, { action: paused ? 'pause' : 'resume', accountId });
    this.pump(thread);
  }

  runningThreadOf(turnId: string): ThreadState | undefined {
    const thread = this.turns.get(turnId);
    return thread?.running?.request.turnId === turnId ? thread : undefined;
  }

  queued(thread: ThreadState): QueuedTurn[] {
    return thread.queue.map((request, index) => ({
      turnId: request.turnId,
      position: index + (thread.running ? 1 : 0),
      userDate: request.userDate,
      // The whole text (a queued message is edited from it), capped like queue.edit's input.
      text: promptText(request.prompt).slice(0, 100_000),
      accountId: request.accountId,
      ...(request.editedBy ? { editedBy: request.editedBy } : {}),
    }));
  }

  private findQueued(turnId: string): { thread: ThreadState; index: number } | undefined {
    const thread = this.turns.get(turnId);
    const index = thread?.queue.findIndex((request) => request.turnId === turnId) ?? -1;
    return thread && index >= 0 ? { thread, index } : undefined;
  }

  /** The prompt of a queued turn, kept beside its log so a restarted hub runs it. */
  private save(request: TurnRequest): void {
    this.deps.turnLogs.saveQueued(request.turnId, { prompt: request.prompt, userDate: request.userDate, ...(request.editedBy ? { editedBy: request.editedBy } : {}) });
  }

  private broadcast(thread: ThreadState, by?: QueueChangeBy): void {
    this.deps.broadcast('queue.change', { path: thread.path, threadKey: thread.threadKey, queue: this.queued(thread), paused: Boolean(thread.paused), ...(by ? { by } : {}) });
  }

  private pump(thread: ThreadState): void {
    // Closed (hub shutdown): the queued turns stay queued, saved, for the next start.
    if (thread.running || thread.closed) return;
    const sendNow = thread.sendNowId !== undefined && thread.queue[0]?.turnId === thread.sendNowId;
    if (thread.paused && !sendNow) return this.pool.settled(thread);
    thread.sendNowId = undefined;
    const next = thread.queue.shift();
    if (!next) return this.pool.settled(thread);
    this.deps.turnLogs.saveQueued(next.turnId, null);
    this.pool.busy(thread);
    const done = runTurn(this.deps, thread, next, this.agents, this.pool).catch((error: unknown) => console.error('[hub/turns] turn crashed:', error));
    this.broadcast(thread);
    void done.finally(() => {
      thread.running = undefined;
      this.turns.delete(next.turnId);
      this.pump(thread);
    });
  }
}
