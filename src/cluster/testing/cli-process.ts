// One codex-chat process of a test cluster, started as an admin would: `node bin/codex-chat.mjs
// <role> ...` in its own process group, its output kept for failure messages. `kill()` is a
// kill -9 of the process (its agents, in their own groups, are orphaned as on a real crash).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(REPO_ROOT, 'bin/codex-chat.mjs');
const START_DEADLINE_MS = 120_000;
const STOP_GRACE_MS = 10_000;

export type CliProcess = {
  name: string;
  pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves with the first match of `pattern` in its output; rejects when it exits first. */
  waitForLine: (pattern: RegExp) => Promise<RegExpExecArray>;
  exited: () => boolean;
  /** SIGTERM to its group, SIGKILL after a grace period. */
  stop: () => Promise<void>;
  /** SIGKILL to the process (kill -9), at once. */
  kill: () => Promise<void>;
};

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export function spawnCli(name: string, args: string[], cwd: string): CliProcess {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], { cwd, env: process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A test process that ends without stop() (a crash, a timeout) must not leave the group behind.
  const killOnExit = () => signalGroup(child.pid!, 'SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.removeListener('exit', killOnExit);
      resolve();
    }),
  );
  const isExited = () => child.exitCode !== null || child.signalCode !== null;

  function waitForLine(pattern: RegExp): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        cleanup();
        resolve(match);
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`[cluster] ${name} exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${output}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`[cluster] ${name} printed no ${pattern} within ${START_DEADLINE_MS} ms:\n${output}`));
      }, START_DEADLINE_MS);
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        child.off('exit', onExit);
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      child.on('exit', onExit);
      if (isExited()) onExit();
      else check();
    });
  }

  return {
    name,
    pid: child.pid!,
    output: () => output,
    waitForLine,
    exited: isExited,
    async stop() {
      if (isExited()) return;
      signalGroup(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (isExited()) return;
      process.kill(child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

/** Runs a one-shot command (`codex-chat accounts add ...`); its stdout, or an error with its stderr. */
export async function runCli(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [CLI, ...args], { cwd, timeout: 90_000 });
    return stdout;
  } catch (error) {
    const failed = error as Error & { stderr?: string; code?: number };
    throw new Error(`codex-chat ${args.join(' ')} failed (${failed.code}): ${failed.stderr ?? failed.message}`);
  }
}
