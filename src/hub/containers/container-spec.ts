// What a project container is: its name and its `podman run` arguments, from the project, the
// thread's execution mode and working directory, and the settings. Pure: no podman, no disk.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SessionMode } from '../../protocol/index.js';
import { CONTAINER_HOME, CONTAINER_PROJECT_PATH, type ContainerSettings } from './container-settings.js';
import { ContainerError } from './podman-cli.js';

/** Where a turn's agent runs: the project (its host folder), the mode, the working directory (host path inside the project). */
export type ContainerPlacement = { projectId: string; root: string; mode: SessionMode; cwd: string };

/** Everything `podman run` needs for one project container. */
export type ContainerSpec = {
  name: string;
  placement: ContainerPlacement;
  /** The hub's owner label: reaping removes only this hub's containers. */
  owner: string;
  settings: ContainerSettings;
  /** The host folder mounted as the agent's home (per project, in the hub's state dir). */
  agentHome: string;
  /** Host folders the agent program needs, mounted read-only at their own paths. */
  programMounts: string[];
  /** Project-relative folders hidden from the agent by an empty tmpfs (the host's project state); each must exist. */
  hiddenInProject?: string[];
  /** Files and folders under the system mounts hidden from the agent (see maskedSystemPaths). */
  masked?: { files: string[]; folders: string[] };
};

/** The label every project container carries: the owner id of the hub that started it. */
export const OWNER_LABEL = 'codex-chat.owner';

/** A short stable hash of a text (container names, owner ids). */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** The working directory relative to the project ('' for the project itself). */
export function relativeCwd(placement: Pick<ContainerPlacement, 'root' | 'cwd'>): string {
  return path.relative(placement.root, placement.cwd).split(path.sep).join('/');
}

/** The container's name: after the project and the mode (and, in workspace write, the writable folder). */
export function containerName(placement: ContainerPlacement): string {
  const project = placement.projectId.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').slice(0, 60);
  const writable = relativeCwd(placement);
  const suffix = placement.mode === 'workspace-write' && writable !== '' ? `-w${shortHash(writable)}` : '';
  return `codex-chat-${project}-${placement.mode}${suffix}`;
}

/** The in-container path of a host path inside the project. */
export function containerPathOf(root: string, hostPath: string): string {
  const relative = path.relative(root, hostPath).split(path.sep).join('/');
  return relative === '' ? CONTAINER_PROJECT_PATH : `${CONTAINER_PROJECT_PATH}/${relative}`;
}

/** A `--mount` bind option; podman's syntax cannot carry a comma or a newline in a path, so those are refused plainly. */
function bind(source: string, target: string, writable: boolean): string[] {
  if (/[,\n]/.test(source) || /[,\n]/.test(target)) {
    throw new ContainerError(`cannot mount ${JSON.stringify(source)} into the container: podman refuses paths with a comma or a newline; rename the folder.`);
  }
  return ['--mount', `type=bind,source=${source},target=${target}${writable ? '' : ',readonly=true'}`];
}

/**
 * The project's mounts by execution mode: full access the project read-write; workspace write the
 * project read-only except the working directory read-write; read-only everything read-only.
 */
export function projectMounts(placement: ContainerPlacement): string[] {
  const { root, mode, cwd } = placement;
  if (mode === 'full-access') return bind(root, CONTAINER_PROJECT_PATH, true);
  if (mode === 'read-only') return bind(root, CONTAINER_PROJECT_PATH, false);
  if (relativeCwd(placement) === '') return bind(root, CONTAINER_PROJECT_PATH, true);
  return [...bind(root, CONTAINER_PROJECT_PATH, false), ...bind(cwd, containerPathOf(root, cwd), true)];
}

function networkArgs(settings: ContainerSettings): string[] {
  if (settings.network === 'off') return ['--network=none'];
  return [settings.network === 'host-loopback' ? '--network=slirp4netns:allow_host_loopback=true' : '--network=slirp4netns'];
}

function limitArgs(settings: ContainerSettings): string[] {
  return [
    ...(settings.memory ? [`--memory=${settings.memory}`, `--memory-swap=${settings.memory}`] : []),
    ...(settings.pids ? [`--pids-limit=${settings.pids}`] : []),
    ...(settings.cpus ? [`--cpus=${settings.cpus}`] : []),
  ];
}

/** An empty tmpfs over `folder`: `notmpcopyup`, or podman copies what lies beneath into it (and so shows it). */
function emptyTmpfs(folder: string): string[] {
  return ['--mount', `type=tmpfs,destination=${folder},tmpfs-size=64k,tmpfs-mode=0700,notmpcopyup`];
}

/**
 * `podman run` arguments of a project container: detached, its root read-only (with podman's tmpfs
 * /tmp, /var/tmp and /run), no capabilities, the system folders and the agent program read-only,
 * the project by mode, the agent's home; PID 1 is podman's init, the main process a `sleep`: agents
 * come and go with `podman exec`.
 */
export function containerRunArgs(spec: ContainerSpec): string[] {
  const { settings, placement } = spec;
  const root = settings.image ? [settings.image] : settings.rootfs ? ['--rootfs', settings.rootfs] : [];
  if (root.length === 0) throw new ContainerError('no container root: set --rootfs DIR (made by `codex-chat containers prepare DIR`) or an image.');
  const programs = spec.programMounts.filter((folder) => !settings.systemMounts.some((system) => folder === system || folder.startsWith(`${system}/`)));
  return [
    'run', '--detach', '--rm', '--init', '--read-only',
    '--name', spec.name,
    '--label', `${OWNER_LABEL}=${spec.owner}`,
    '--label', `codex-chat.project=${placement.projectId}`,
    '--label', `codex-chat.mode=${placement.mode}`,
    '--cap-drop=all', '--security-opt=no-new-privileges',
    '--hostname', 'codex-chat',
    ...networkArgs(settings),
    ...limitArgs(settings),
    ...settings.systemMounts.flatMap((folder) => bind(folder, folder, false)),
    // The agent is uid 0 inside: without these masks it could read the host's password hashes and host keys.
    ...(spec.masked?.files ?? []).flatMap((file) => bind('/dev/null', file, false)),
    ...(spec.masked?.folders ?? []).flatMap((folder) => emptyTmpfs(folder)),
    ...programs.flatMap((folder) => bind(folder, folder, false)),
    ...projectMounts(placement),
    // After the project's own mounts, so the empty tmpfs lies over them in every mode.
    ...(spec.hiddenInProject ?? []).flatMap((folder) => emptyTmpfs(path.posix.join(CONTAINER_PROJECT_PATH, folder))),
    ...bind(spec.agentHome, CONTAINER_HOME, true),
    '--env', `HOME=${CONTAINER_HOME}`,
    '--workdir', CONTAINER_PROJECT_PATH,
    ...root,
    '/usr/bin/sleep', 'infinity',
  ];
}
