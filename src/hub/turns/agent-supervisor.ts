import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { SUPERVISOR_SCRIPT } from './agent-supervisor-script.js';

// A scan of /proc costs ~10 ms with ~150 processes; agents the hub kills are walked live, so the poll
// only catches what an agent that dies by itself leaves in other sessions.
const POLL_MS = 1_000;
/** A supervisor that does not answer within this is treated as gone (the caller then kills what it can). */
const REPLY_TIMEOUT_MS = 2_000;

/**
 * The hub's side of the agent supervisor (see agent-supervisor-script.ts): one `node -e` process per
 * hub process, started on the first agent, in its own session so that the hub's Ctrl-C does not end
 * it before it has ended the agents. It holds a pipe to the hub; when the hub dies, however it dies,
 * the pipe closes and the supervisor kills every agent's process tree. Linux only (it reads /proc):
 * elsewhere every method is a no-op and agents end with their process group only.
 */
export class AgentSupervisor {
  private child: ChildProcess | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  /** Resolves when the supervisor has started (or could not). */
  readonly ready: Promise<boolean>;

  constructor() {
    if (!existsSync('/proc/self/stat')) {
      this.ready = Promise.resolve(false);
      return;
    }
    // No environment: the supervisor needs none, and the hub's secrets stay out of it.
    const child = spawn(process.execPath, ['-e', SUPERVISOR_SCRIPT, String(POLL_MS)], { detached: true, stdio: ['pipe', 'pipe', 'inherit'], env: {} });
    this.child = child;
    // The supervisor must never keep the hub alive: it ends when the hub does.
    child.unref();
    (child.stdin as unknown as Socket).unref();
    (child.stdout as unknown as Socket).unref();
    child.stdin!.on('error', (error) => console.error('[hub/turns] agent supervisor stdin:', error.message));
    let markReady: (ok: boolean) => void = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    child.on('error', (error) => {
      console.error('[hub/turns] the agent supervisor could not start:', error.message);
      markReady(false);
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) console.error(`[hub/turns] the agent supervisor ended (${signal ?? `code ${code}`}); agents now end with their process group only`);
      this.child = undefined;
      markReady(false);
      for (const resolve of this.waiting.values()) resolve(undefined);
      this.waiting.clear();
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const reply = JSON.parse(line) as { ready?: boolean; id?: number; result?: unknown };
      if (reply.ready) markReady(true);
      if (reply.id === undefined) return;
      this.waiting.get(reply.id)?.(reply.result);
      this.waiting.delete(reply.id);
    });
  }

  /** The supervisor's process id (tests), when it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  private send(request: Record<string, unknown>): void {
    this.child?.stdin?.write(`${JSON.stringify(request)}\n`);
  }

  private ask(request: Record<string, unknown>): Promise<unknown> {
    if (!this.child) return Promise.resolve(undefined);
    this.nextId += 1;
    const id = this.nextId;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(undefined);
      }, REPLY_TIMEOUT_MS);
      timer.unref();
      this.waiting.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.send({ ...request, id });
    });
  }

  /** Starts remembering the agent's process tree. */
  watch(pid: number): void {
    this.send({ op: 'watch', pid });
  }

  /** Kills the agent (when alive), its descendants and the ones it had before; resolves with how many. */
  async endTree(pid: number): Promise<number> {
    return ((await this.ask({ op: 'end', pid })) as number | undefined) ?? 0;
  }

  /** Takes note of the agent's descendants now; `endNewSince` later ends the ones started after. */
  async mark(pid: number): Promise<number | undefined> {
    return (await this.ask({ op: 'mark', pid })) as number | undefined;
  }

  /** How many marks the supervisor holds (tests: turns that end without an interrupt leave none). */
  async openMarkCount(): Promise<number | undefined> {
    return (await this.ask({ op: 'openMarks' })) as number | undefined;
  }

  /** Kills the agent's descendants that were not there at `mark`; resolves with how many. */
  async endNewSince(pid: number, mark: number | undefined): Promise<number> {
    if (mark === undefined) return 0;
    return ((await this.ask({ op: 'endNew', pid, mark })) as number | undefined) ?? 0;
  }
}

let shared: AgentSupervisor | undefined;

/** The supervisor of this hub process (started on first use; restarted if it died). */
export function agentSupervisor(): AgentSupervisor {
  if (!shared || (shared.pid === undefined && existsSync('/proc/self/stat'))) shared = new AgentSupervisor();
  return shared;
}
