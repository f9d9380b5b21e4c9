import type { ThreadState } from './types.js';

/** How long an idle agent process lives, and how many may live at once (defaults of the hub). */
export const DEFAULT_AGENT_IDLE_MS = 10 * 60_000;
export const DEFAULT_MAX_LIVE_AGENTS = 8;

/** Limits of the agent pool. */
export type AgentPoolLimits = { idleMs: number; maxLive: number };

function isIdle(thread: ThreadState): boolean {
  return !thread.running && thread.queue.length === 0 && !thread.changingOptions;
}

/**
 * Keeps the number of agent processes bounded: an agent idle for `idleMs` is stopped (its process
 * group killed), and before a new one starts, the least recently used idle agents beyond `maxLive`
 * are stopped. A stopped thread's next turn starts a new process and loads its session, as after a crash.
 */
export class AgentPool {
  private readonly timers = new Map<ThreadState, NodeJS.Timeout>();

  constructor(
    private readonly limits: AgentPoolLimits,
    private readonly threads: () => Iterable<ThreadState>,
  ) {}

  /** The thread's agent is in use (a turn or an option change): no idle timer. */
  busy(thread: ThreadState): void {
    clearTimeout(this.timers.get(thread));
    this.timers.delete(thread);
    if (thread.agent) thread.agent.lastUsedAt = Date.now();
  }

  /** The thread may have gone idle: start its idle timer. */
  settled(thread: ThreadState): void {
    if (!thread.agent || !isIdle(thread)) return;
    thread.agent.lastUsedAt = Date.now();
    clearTimeout(this.timers.get(thread));
    const timer = setTimeout(() => {
      this.timers.delete(thread);
      if (isIdle(thread)) this.stop(thread, `idle for ${this.limits.idleMs} ms`);
    }, this.limits.idleMs);
    timer.unref();
    this.timers.set(thread, timer);
  }

  /** Before `starting` launches an agent: stops least recently used idle agents so at most maxLive run with it. */
  makeRoom(starting: ThreadState): void {
    const live = [...this.threads()].filter((thread) => thread !== starting && thread.agent && !thread.agent.process.hasExited());
    const excess = live.length + 1 - this.limits.maxLive;
    if (excess <= 0) return;
    const idle = live.filter(isIdle).sort((a, b) => a.agent!.lastUsedAt - b.agent!.lastUsedAt);
    for (const thread of idle.slice(0, excess)) this.stop(thread, `more than ${this.limits.maxLive} agents were running; this one was used least recently`);
  }

  /** Number of live agent processes. */
  liveCount(): number {
    return [...this.threads()].filter((thread) => thread.agent && !thread.agent.process.hasExited()).length;
  }

  private stop(thread: ThreadState, why: string): void {
    const agent = thread.agent;
    if (!agent) return;
    console.info(`[hub/turns] stopping the ${agent.agentId} agent of thread ${thread.threadKey} (pid ${agent.process.pid}): ${why}`);
    thread.agent = undefined;
    agent.process.kill();
  }

  /** Clears every timer (hub shutdown). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
