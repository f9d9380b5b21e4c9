import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { TurnService, TurnServiceDeps } from '../types.js';
import type { AgentLauncher } from '../turns/agent-process.js';
import { agentProgramMounts } from './agent-program-mounts.js';
import { containerAgentProfile } from './agent-profiles.js';
import { startContainerAgent } from './container-agent.js';
import { PROJECT_STATE_FOLDER, type ContainerSettings } from './container-settings.js';
import { containerName, shortHash, type ContainerPlacement } from './container-spec.js';
import { ProjectContainers } from './project-containers.js';

/** One project's container launcher: what it runs and where its state goes. */
export type ContainerLauncherOptions = {
  /** The project's id (a slug in multiuser; lite: liteProjectId(root)). */
  projectId: string;
  /** The project folder on the host. */
  root: string;
  /** The hub's state dir: the project's agent home goes in `containers/<projectId>/home`. */
  stateDir: string;
  settings: ContainerSettings;
  /** Containers shared by the projects of one hub (one per hub: reaping and shutdown); made here when absent. */
  containers?: ProjectContainers;
};

/** A launcher that also reports its containers (tests, the admin page). */
export type ContainerLauncher = AgentLauncher & { containers: ProjectContainers; shutdown(): Promise<void> };

/** A thread without a mode: workspace write, what the agents do by default on the host. */
const DEFAULT_MODE = 'workspace-write';

const SECRET_FILES = ['/etc/shadow', '/etc/shadow-', '/etc/gshadow', '/etc/gshadow-', '/etc/security/opasswd', '/etc/sudoers'];
const SECRET_FOLDERS = ['/etc/ssh', '/etc/sudoers.d', '/etc/ssl/private'];

/** The host's secret files under the system mounts that exist here (mounting over a missing one fails in a read-only /etc). */
export function maskedSystemPaths(systemMounts: string[]): { files: string[]; folders: string[] } {
  const mounted = (file: string) => systemMounts.some((folder) => file.startsWith(`${folder}/`)) && existsSync(file);
  return { files: SECRET_FILES.filter(mounted), folders: SECRET_FOLDERS.filter(mounted) };
}

/** Lite mode's project id: the workspace folder's name and a hash of its path. */
export function liteProjectId(root: string): string {
  return `${path.basename(root).toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').slice(0, 40) || 'workspace'}-${shortHash(root, 6)}`;
}

/** The owner id of a hub's containers: its state dir (reaping removes only that hub's leftovers). */
export function containerOwner(stateDir: string): string {
  return shortHash(path.resolve(stateDir), 12);
}

/** Creates the containers of one hub (share it between projects with ContainerLauncherOptions.containers). */
export function createProjectContainers(stateDir: string, settings: ContainerSettings): ProjectContainers {
  return new ProjectContainers(settings, containerOwner(stateDir));
}

/**
 * Runs a project's agents in its podman containers: one container per project and mode (and,
 * in workspace write, working directory), the agent inside with `podman exec`.
 */
export function createContainerLauncher(options: ContainerLauncherOptions): ContainerLauncher {
  const { settings, projectId } = options;
  // The hub's paths are real paths (server.ts): so must the root be that translation and mounts compare against.
  const root = existsSync(options.root) ? realpathSync(options.root) : path.resolve(options.root);
  const containers = options.containers ?? createProjectContainers(options.stateDir, settings);
  const ownsContainers = !options.containers;
  const agentHome = path.join(options.stateDir, 'containers', projectId, 'home');
  return {
    containers,
    async start(launch, startOptions, handlers) {
      const placement: ContainerPlacement = { projectId, root, mode: startOptions.mode ?? DEFAULT_MODE, cwd: startOptions.cwd };
      const profile = containerAgentProfile(startOptions.agentId);
      mkdirSync(agentHome, { recursive: true, mode: 0o700 });
      profile.prepareHome?.(startOptions.env, agentHome);
      const name = containerName(placement);
      const programMounts = [...agentProgramMounts(launch), path.dirname(process.execPath)];
      // A cluster host's turn logs of this project live in its folder: the agent must not read or rewrite them.
      const hiddenInProject = existsSync(path.join(root, PROJECT_STATE_FOLDER)) ? [PROJECT_STATE_FOLDER] : [];
      const lease = await containers.acquire({ name, placement, agentHome, programMounts, hiddenInProject, masked: maskedSystemPaths(settings.systemMounts) });
      try {
        return await startContainerAgent(launch, startOptions, handlers, {
          podman: settings.podman ?? 'podman',
          settings,
          containers,
          lease,
          root,
          profile,
          fits: (cwd, mode) => containerName({ ...placement, cwd, mode: mode ?? DEFAULT_MODE }) === name,
        });
      } catch (error) {
        lease.release();
        throw error;
      }
    },
    shutdown: () => (ownsContainers ? containers.shutdown() : Promise.resolve()),
  };
}

/**
 * A turn-service factory whose agents start through `launcher`, and whose shutdown also ends the
 * launcher's containers: `startHub({ turnService: withAgentLauncher(createTurnService, launcher) })`.
 */
export function withAgentLauncher(create: (deps: TurnServiceDeps) => TurnService, launcher: AgentLauncher): (deps: TurnServiceDeps) => TurnService {
  return (deps) => {
    const service = create({ ...deps, agentLauncher: launcher });
    return {
      ...service,
      shutdown: async () => {
        await service.shutdown();
        await launcher.shutdown?.();
      },
    };
  };
}
