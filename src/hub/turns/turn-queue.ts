import type { QueuedTurn } from '../../protocol/index.js';
import type { TurnServiceDeps } from '../types.js';
import type { AgentPool } from './agent-pool.js';
import type { AgentsService } from './agents-service.js';
import { interruptTurn, runTurn } from './run-turn.js';
import type { ThreadState, TurnRequest } from './types.js';

function textOf(request: TurnRequest): string {
  return request.prompt.map((block) => (block.type === 'text' ? block.text : '')).join(' ').slice(0, 200);
}

/** Per-thread FIFO queues: one turn runs per thread, threads run at the same time. */
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
    this.deps.turnLogs.create(request.turnId, { path: request.path, threadKey: request.threadKey, createdAt: new Date().toISOString() });
    this.deps.turnLogs.append(request.turnId, { type: 'status', state: 'queued', t: Date.now() });
    thread.queue.push(request);
    this.turns.set(request.turnId, thread);
    const position = thread.queue.length - 1 + (thread.running ? 1 : 0);
    this.broadcast(thread);
    this.pump(thread);
    return position;
  }

  /** Removes a turn that has not started; false when it is unknown or already running. */
  cancelQueued(turnId: string): boolean {
    const thread = this.turns.get(turnId);
    const index = thread?.queue.findIndex((request) => request.turnId === turnId) ?? -1;
    if (!thread || index < 0) return false;
    thread.queue.splice(index, 1);
    this.turns.delete(turnId);
    this.deps.turnLogs.append(turnId, { type: 'result', stopReason: 'cancelled', t: Date.now() });
    this.deps.turnLogs.append(turnId, { type: 'status', state: 'cancelled', t: Date.now() });
    this.broadcast(thread);
    return true;
  }

  /** turn.interrupt: a queued turn is removed, a running one is cancelled. False when unknown. */
  interrupt(turnId: string): boolean {
    if (this.cancelQueued(turnId)) return true;
    const thread = this.turns.get(turnId);
    if (!thread || thread.running?.request.turnId !== turnId) return false;
    interruptTurn(this.deps, thread);
    return true;
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
      text: textOf(request),
      accountId: request.accountId,
    }));
  }

  private broadcast(thread: ThreadState): void {
    this.deps.broadcast('queue.change', { path: thread.path, threadKey: thread.threadKey, queue: this.queued(thread) });
  }

  private pump(thread: ThreadState): void {
    if (thread.running) return;
    const next = thread.queue.shift();
    if (!next) return this.pool.settled(thread);
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
