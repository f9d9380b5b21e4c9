/** How a project container reaches the network. */
export type ContainerNetwork =
  /** `--network=none`: no network at all (the agent cannot reach its model API). */
  | 'off'
  /** slirp4netns: the internet, not the host's own loopback services. */
  | 'on'
  /** slirp4netns with the host's loopback reachable as 10.0.2.2 (a model server on the host, the tests). */
  | 'host-loopback';

/** The settings of project containers (lite: `--sandbox podman`; multiuser: per host). */
export type ContainerSettings = {
  /** The container's root folder (see `codex-chat containers prepare`); or use `image`. */
  rootfs?: string;
  /** An image name, where an image registry or local store has it (instead of `rootfs`). */
  image?: string;
  network: ContainerNetwork;
  /** podman `--memory` (e.g. "2g"); unset: no limit. */
  memory?: string;
  /** podman `--pids-limit`. */
  pids?: number;
  /** podman `--cpus`. */
  cpus?: number;
  /** A container with no agent for this long is stopped (ms). */
  idleStopMs: number;
  /** Host folders mounted read-only at the same path (the rootfs recipe: the system's programs and libraries). */
  systemMounts: string[];
  /** The podman program (default: `podman` on PATH). */
  podman?: string;
};

/** Defaults: network on, 4 GB of memory, 512 processes, 2 CPUs, stop after 10 idle minutes. */
export const DEFAULT_CONTAINER_SETTINGS: ContainerSettings = {
  network: 'on',
  memory: '4g',
  pids: 512,
  cpus: 2,
  idleStopMs: 10 * 60_000,
  systemMounts: ['/usr', '/etc'],
};

/** The fixed path of the project inside every container. */
export const CONTAINER_PROJECT_PATH = '/project';
/**
 * Where a cluster's project host keeps a project's state (turn logs), relative to the project
 * folder so that it moves with the folder. Hidden from the project's agents in their containers.
 */
export const PROJECT_STATE_FOLDER = '.codex-chat/state';
/** The agent's home inside (a per-project folder of the host's state dir). */
export const CONTAINER_HOME = '/home/agent';
/** Per-agent files on the container's /run tmpfs: pid files and API keys (0600). */
export const CONTAINER_RUN_DIR = '/run/codex-chat';
