import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkPodman, ContainerError, createContainerLauncher, createProjectContainers, type ContainerLauncher, type ContainerSettings } from '../../hub/containers/index.js';
import type { Project } from '../db/index.js';

/** The project containers of a multiuser hub: one registry shared by all projects, one launcher per project. */
export type MultiuserContainers = {
  /** The launcher of a project's agents (its own folder, its own id, so its own containers). */
  launcherOf(project: Project): ContainerLauncher;
  /** Stops every project container (hub close, after the scopes ended their agents). */
  shutdown(): Promise<void>;
};

/**
 * Builds the per-project container launchers of a multiuser hub. The owner id is the data dir's
 * (reaping at start removes only this hub's leftovers); each project's agent home is
 * `<stateDir>/containers/<projectId>/home`.
 */
export function createMultiuserContainers(stateDir: string, settings: ContainerSettings): MultiuserContainers {
  const containers = createProjectContainers(stateDir, settings);
  const launchers = new Map<string, ContainerLauncher>();
  return {
    launcherOf(project) {
      let launcher = launchers.get(project.id);
      if (!launcher) {
        launcher = createContainerLauncher({ projectId: project.id, root: project.folder, stateDir, settings, containers });
        launchers.set(project.id, launcher);
      }
      return launcher;
    },
    shutdown: () => containers.shutdown(),
  };
}

/** Why a `--rootfs` folder cannot serve as the containers' root, with what to run; undefined when it can. */
export function rootfsProblem(rootfs: string): string | undefined {
  const prepare = `run  codex-chat containers prepare ${rootfs}`;
  if (!existsSync(rootfs)) return `the container root ${rootfs} does not exist: ${prepare}`;
  if (!statSync(rootfs).isDirectory()) return `the container root ${rootfs} is not a folder: ${prepare} on an empty folder`;
  // prepareRootfs (and the debootstrap recipe) make these mount points; a random folder has neither.
  if (!existsSync(path.join(rootfs, 'project')) || !existsSync(path.join(rootfs, 'home', 'agent'))) return `the container root ${rootfs} is not prepared: ${prepare}`;
  return undefined;
}

/** Checks at start that agents can run in containers: podman runs, the root is prepared. Throws one line (ContainerError). */
export async function checkContainerStart(settings: ContainerSettings): Promise<void> {
  try {
    await checkPodman(settings.podman ?? 'podman');
  } catch (error) {
    // PODMAN_MISSING names lite's way out; multiuser's is --sandbox none.
    throw new ContainerError(`${(error as Error).message.replace(/ or start the hub without --sandbox podman\.$/, '')}; for development only, --sandbox none runs agents on the host`);
  }
  const problem = settings.rootfs ? rootfsProblem(settings.rootfs) : undefined;
  if (problem) throw new ContainerError(problem);
}
