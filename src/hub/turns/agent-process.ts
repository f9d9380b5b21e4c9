import { spawn, type ChildProcess } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import type { AgentLaunch } from '../../agents/index.js';
import { connectAgent, type AcpClientHandlers, type InitializedConnection } from './acp-connection.js';
import { agentSupervisor } from './agent-supervisor.js';

const STDERR_TAIL_CHARS = 4_000;

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
};

/** What markCommands noted (opaque). */
export type CommandsMark = { id: number | undefined };

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
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  let exitedFlag = false;
  const exited = new Promise<string>((resolve) => {
    child.on('error', (error) => {
      exitedFlag = true;
      resolve(`could not start ${launch.command}: ${error.message}`);
    });
    child.on('exit', (code, signal) => {
      exitedFlag = true;
      resolve(signal ? `agent killed by ${signal}` : `agent exited with code ${code}`);
    });
  });
  // Writes to a dead agent must not crash the hub; the exit is reported through `exited`.
  child.stdin!.on('error', (error) => console.error('[hub/turns] agent stdin:', error.message));
  const stdin = Writable.toWeb(child.stdin!) as WritableStream<Uint8Array>;
  const stdout = Readable.toWeb(child.stdout!) as ReadableStream<Uint8Array>;
  // The supervisor remembers the agent's descendants, so they end when the agent exits, however it
  // exits, and when the hub dies (agent-supervisor.ts).
  const supervisor = agentSupervisor();
  const pid = child.pid ?? -1; // -1 (no process) only when the spawn failed: `exited` then rejects the start
  if (child.pid !== undefined) supervisor.watch(pid);
  child.on('exit', () => void supervisor.endTree(pid));
  // The supervisor walks the live tree first; the group kill follows (or runs alone without a supervisor).
  const kill = () => void supervisor.endTree(pid).finally(() => killGroup(child));
  try {
    const connected = await Promise.race([
      connectAgent(stdin, stdout, handlers),
      exited.then((why) => Promise.reject(new Error(why))),
    ]);
    void exited.then(() => connected.connection.close(new Error('agent process exited')));
    return {
      ...connected,
      pid,
      stderrTail: () => stderr.trim(),
      exited,
      hasExited: () => exitedFlag,
      kill,
      markCommands: async () => ({ id: await supervisor.mark(pid) }),
      endCommandsSince: (mark) => supervisor.endNewSince(pid, mark.id),
    };
  } catch (error) {
    kill();
    throw new Error(`${(error as Error).message}${stderr.trim() ? `\n${stderr.trim()}` : ''}`);
  }
}
