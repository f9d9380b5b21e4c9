import { spawn } from 'node:child_process';

/** The result of one podman command. */
export type PodmanResult = { code: number | null; stdout: string; stderr: string };

/** A failure a user or operator can act on: what failed and what to do (turns end with this message). */
export class ContainerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContainerError';
  }
}

/** The variables podman itself needs; nothing else of the hub's environment (keys, tokens) reaches it. */
const PODMAN_VARIABLES = ['PATH', 'HOME', 'CONTAINERS_CONF', 'CONTAINERS_STORAGE_CONF', 'CONTAINERS_REGISTRIES_CONF', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME', 'TMPDIR', 'LANG'];

/** The environment of every podman process the hub starts. */
export function podmanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(PODMAN_VARIABLES.flatMap((name) => (process.env[name] !== undefined ? [[name, process.env[name]]] : [])));
}

export const PODMAN_MISSING = 'podman was not found: install it (Debian: apt-get install podman runc) or start the hub without --sandbox podman.';

/** Runs `podman args...` (stdin from `input`), killed after `timeoutMs`; never rejects except when podman is missing. */
export function runPodman(podman: string, args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<PodmanResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(podman, args, { env: podmanEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      stderr += `\n(podman ${args[0]} did not finish within ${options.timeoutMs} ms)`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new ContainerError(PODMAN_MISSING));
      else resolve({ code: null, stdout, stderr: `${stderr}${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr: stderr.trim() });
    });
    child.stdin.on('error', () => {}); // podman may exit before reading stdin; its exit code tells
    child.stdin.end(options.input ?? '');
  });
}

/** Throws a ContainerError saying what to install when podman cannot run at all (checked at hub start). */
export async function checkPodman(podman: string): Promise<void> {
  const version = await runPodman(podman, ['--version'], { timeoutMs: 10_000 });
  if (version.code !== 0) throw new ContainerError(`podman does not run (${version.stderr || `exit code ${version.code}`}); see README: Project containers`);
}
