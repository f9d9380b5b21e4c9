// The project containers of one hub: started on the first agent that needs one, shared by the
// agents of the same project and mode, stopped when idle and at shutdown, reaped at start when a
// crash left them. Only the podman CLI is used.
import { ContainerError, runPodman } from './podman-cli.js';
import { containerRunArgs, OWNER_LABEL, type ContainerSpec } from './container-spec.js';
import type { ContainerSettings } from './container-settings.js';

/** A running project container, held by one agent until `release()`. */
export type ContainerLease = { name: string; cgroupPath: string; release(): void };

type Entry = { name: string; users: number; ready: Promise<string>; idleTimer?: NodeJS.Timeout };

/** Why `podman run` failed, said so that the reader knows what to do. */
function startFailure(name: string, stderr: string): ContainerError {
  const detail = stderr.split('\n').filter(Boolean).slice(-3).join(' ').slice(0, 600);
  if (/mount|statfs|no such file or directory|permission denied/i.test(detail)) {
    return new ContainerError(`podman refused a mount of project container ${name}: ${detail}. Check that the project folder and the container root (--rootfs) exist and that the hub's user can read them.`);
  }
  return new ContainerError(`the project container ${name} could not start: ${detail || 'podman gave no reason'}. Check \`podman info\`, the CONTAINERS_CONF settings (README: Project containers) and --rootfs.`);
}

export class ProjectContainers {
  private readonly entries = new Map<string, Entry>();
  private readonly reaped: Promise<void>;
  private closed = false;

  constructor(
    private readonly settings: ContainerSettings,
    private readonly owner: string,
    private readonly podman = settings.podman ?? 'podman',
  ) {
    this.reaped = this.reap().then(() => undefined, (error: unknown) => console.error(`[hub/containers] reaping left containers failed: ${(error as Error).message}`),
    );
  }

  /** Removes the containers of this hub's owner id that a previous run left (a crash, a kill -9). */
  async reap(): Promise<string[]> {
    const listed = await runPodman(this.podman, ['ps', '--all', '--filter', `label=${OWNER_LABEL}=${this.owner}`, '--format', '{{.Names}}']);
    const names = listed.stdout.split('\n').map((line) => line.trim()).filter((name) => name && !this.entries.has(name));
    if (names.length > 0) await runPodman(this.podman, ['rm', '--force', '--time', '0', ...names]);
    return names;
  }

  /** The container for `spec`, running (started now if needed), held until the lease is released. */
  async acquire(spec: Omit<ContainerSpec, 'owner' | 'settings'>): Promise<ContainerLease> {
    if (this.closed) throw new ContainerError('the hub is shutting down; no new project container.');
    await this.reaped;
    let entry = this.entries.get(spec.name);
    if (entry && !(await this.isRunning(spec.name, entry))) {
      this.entries.delete(spec.name);
      entry = undefined;
    }
    if (!entry) {
      const created: Entry = { name: spec.name, users: 0, ready: this.start({ ...spec, owner: this.owner, settings: this.settings }) };
      entry = created;
      this.entries.set(spec.name, created);
      created.ready.catch(() => this.entries.get(spec.name) === created && this.entries.delete(spec.name));
    }
    entry.users += 1;
    clearTimeout(entry.idleTimer);
    const held = entry;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users === 0) this.scheduleIdleStop(held);
    };
    try {
      return { name: spec.name, cgroupPath: await entry.ready, release };
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Stops and removes one container now (an agent that would not die, the idle timer, shutdown). */
  async stop(name: string): Promise<void> {
    const entry = this.entries.get(name);
    if (entry) clearTimeout(entry.idleTimer);
    this.entries.delete(name);
    const result = await runPodman(this.podman, ['rm', '--force', '--time', '0', name]);
    if (result.code !== 0 && !/no such container/i.test(result.stderr)) console.error(`[hub/containers] could not remove ${name}: ${result.stderr}`);
  }

  /** Names of the containers this hub holds now. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Stops every container (hub shutdown); later acquires fail. */
  async shutdown(): Promise<void> {
    this.closed = true;
    await this.reaped;
    await Promise.all([...this.entries.keys()].map((name) => this.stop(name)));
  }

  private async start(spec: ContainerSpec): Promise<string> {
    // A container of that name may be left from a hub that died a moment ago: replace it.
    await runPodman(this.podman, ['rm', '--force', '--time', '0', spec.name]);
    const started = await runPodman(this.podman, containerRunArgs(spec), { timeoutMs: 60_000 });
    if (started.code !== 0) throw startFailure(spec.name, started.stderr);
    const inspected = await runPodman(this.podman, ['inspect', '--format', '{{.State.CgroupPath}}', spec.name]);
    return inspected.stdout.trim();
  }

  private async isRunning(name: string, entry: Entry): Promise<boolean> {
    try {
      await entry.ready;
    } catch {
      return false;
    }
    const inspected = await runPodman(this.podman, ['inspect', '--format', '{{.State.Running}}', name]);
    return inspected.stdout.trim() === 'true';
  }

  private scheduleIdleStop(entry: Entry): void {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      if (entry.users === 0 && this.entries.get(entry.name) === entry) void this.stop(entry.name);
    }, this.settings.idleStopMs);
    entry.idleTimer.unref();
  }
}
