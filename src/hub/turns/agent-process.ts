import { spawn, type ChildProcess } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import type { AgentLaunch } from '../../agents/index.js';
import type { SessionMode } from '../../protocol/index.js';
import { connectAgent, type AcpClientHandlers, type InitializedConnection } from './acp-connection.js';
import { agentSupervisor } from './agent-supervisor.js';

const STDERR_TAIL_CHARS = 4_000;
const EXIT_REASON_WAIT_MS = 5_000;

/** A running agent: its process group, its ACP connection, and its stderr tail. */
export type AgentProcess = InitializedConnection & {
  pid: number;
  /** The last few KB of the agent's stderr, for error messages. */
  stderrTail(): string;
  /** Resolves when the process exits (with a readable description). */
  exited: Promise<string>;
  hasExited(): boolean;
  /**
   * Kills the agent and every process it started, wherever they are: its process group, and through
   * the supervisor its descendants in other groups and sessions (codex runs each command in its own).
   */
  kill(): void;
  /** Takes note of the agent's processes before a turn's prompt (see endCommandsSince). */
  markCommands(): Promise<CommandsMark>;
  /** Ends the processes the agent started since `mark` and that still run (a cancelled turn's commands); resolves with how many. */
  endCommandsSince(mark: CommandsMark): Promise<number>;
  /**
   * Whether this process can serve a turn in `cwd` and `mode` (a project container is built for one
   * mode and working directory; a host process serves any). Absent means yes.
   */
  fits?(cwd: string, mode: SessionMode | undefined): boolean;
};

/** What markCommands noted (opaque). */
export type CommandsMark = { id: number | undefined };

/** What a launcher needs besides the launch command: where, in which mode, and the agent's key. */
export type AgentStartOptions = {
  cwd: string;
  env: NodeJS.ProcessEnv;
  agentId: string;
  /** The thread's execution mode (a container's mounts follow it). */
  mode?: SessionMode;
  /** The variable the agent reads its API key from (the key itself is env[apiKeyEnv]). */
  apiKeyEnv?: string;
};

/** Starts agent processes: on the host (hostAgentLauncher) or inside a project container (src/hub/containers). */
export type AgentLauncher = {
  start(launch: AgentLaunch, options: AgentStartOptions, handlers: AcpClientHandlers): Promise<AgentProcess>;
  /** Ends what the launcher keeps beyond its agents (containers); the hub calls it at shutdown. */
  shutdown?(): Promise<void>;
};

/** How a spawned agent's processes are ended and inspected (the host supervisor, or a container's). */
export type AgentProcessControl = {
  kill(): void;
  markCommands(): Promise<CommandsMark>;
  endCommandsSince(mark: CommandsMark): Promise<number>;
  fits?: AgentProcess['fits'];
  /** Makes an exit description clearer (a container tells out-of-memory or a pids limit apart). */
  describeExit?(description: string): Promise<string>;
  /** Wraps the agent's stdio (a container translates its fixed project path to the host's). */
  wrapStreams?(stdin: WritableStream<Uint8Array>, stdout: ReadableStream<Uint8Array>): { stdin: WritableStream<Uint8Array>; stdout: ReadableStream<Uint8Array> };
};

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') console.error('[hub/turns] kill failed:', error);
  }
}

/** Spawns the agent in its own process group with `env` (secrets go here, never in argv) and initializes ACP. */
export async function startAgentProcess(
  launch: AgentLaunch,
  options: { cwd: string; env: NodeJS.ProcessEnv },
  handlers: AcpClientHandlers,
): Promise<AgentProcess> {
  const child = spawn(launch.command, launch.args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  // The supervisor remembers the agent's descendants, so they end when the agent exits, however it
  // exits, and when the hub dies (agent-supervisor.ts).
  const supervisor = agentSupervisor();
  const pid = child.pid ?? -1; // -1 (no process) only when the spawn failed: `exited` then rejects the start
  if (child.pid !== undefined) supervisor.watch(pid);
  child.on('exit', () => void supervisor.endTree(pid));
  return connectAgentChild(child, launch.command, handlers, {
    // The supervisor walks the live tree first; the group kill follows (or runs alone without a supervisor).
    kill: () => void supervisor.endTree(pid).finally(() => killGroup(child)),
    markCommands: async () => ({ id: await supervisor.mark(pid) }),
    endCommandsSince: (mark) => supervisor.endNewSince(pid, mark.id),
  });
}

/** The launcher of lite mode: agents run on the host as the hub's user. */
export const hostAgentLauncher: AgentLauncher = {
  start: (launch, options, handlers) => startAgentProcess(launch, options, handlers),
};

/** Speaks ACP over a spawned agent's stdio (`child` runs the agent, or a client such as `podman exec` relaying to it). */
export async function connectAgentChild(child: ChildProcess, commandName: string, handlers: AcpClientHandlers, control: AgentProcessControl): Promise<AgentProcess> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  let exitedFlag = false;
  const exited = new Promise<string>((resolve) => {
    child.on('error', (error) => {
      exitedFlag = true;
      resolve(`could not start ${commandName}: ${error.message}`);
    });
    child.on('exit', (code, signal) => {
      const description = signal ? `agent killed by ${signal}` : `agent exited with code ${code}`;
      void (control.describeExit?.(description) ?? Promise.resolve(description)).then((text) => {
        exitedFlag = true;
        resolve(text);
      });
    });
  });
  // Writes to a dead agent must not crash the hub; the exit is reported through `exited`.
  child.stdin!.on('error', (error) => console.error('[hub/turns] agent stdin:', error.message));
  const raw = { stdin: Writable.toWeb(child.stdin!) as WritableStream<Uint8Array>, stdout: Readable.toWeb(child.stdout!) as ReadableStream<Uint8Array> };
  const { stdin, stdout } = control.wrapStreams?.(raw.stdin, raw.stdout) ?? raw;
  try {
    const connected = await Promise.race([
      connectAgent(stdin, stdout, handlers),
      exited.then((why) => Promise.reject(new Error(why))),
    ]);
    void exited.then(() => connected.connection.close(new Error('agent process exited')));
    return {
      ...connected,
      pid: child.pid ?? -1,
      stderrTail: () => stderr.trim(),
      exited,
      hasExited: () => exitedFlag,
      kill: control.kill,
      markCommands: control.markCommands,
      endCommandsSince: control.endCommandsSince,
      ...(control.fits ? { fits: control.fits } : {}),
    };
  } catch (error) {
    control.kill();
    // Where the exit has a better reason than the closed connection (a container's limits), wait for it.
    const why = control.describeExit ? await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(resolve, EXIT_REASON_WAIT_MS))]) : undefined;
    throw new Error(`${why ?? (error as Error).message}${stderr.trim() ? `\n${stderr.trim()}` : ''}`);
  }
}
