import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ClientRegistry } from '../../hub/client-registry.js';
import { createErrorScrubber, type ErrorScrubber } from '../../hub/error-scrub.js';
import type { TurnEventOrigin, WorkspaceScope, WorkspaceScopeOptions } from '../../hub/workspace-scope.js';
import { createWorkspaceScope } from '../../hub/workspace-scope.js';
import type { TurnEvent } from '../../protocol/index.js';
import { findProject, type Project, type Queryable } from '../db/index.js';
import type { Membership } from './membership.js';
import { projectClients } from './project-clients.js';

type TurnDeps = NonNullable<WorkspaceScopeOptions['turnDeps']>;

/** A project's turn extras (ProjectScopesOptions.turnDepsOf): the credential resolver, and its agent launcher where it has one. */
export function projectTurnDeps(resolveCredential: TurnDeps['resolveCredential'], launcherOf: (project: Project) => TurnDeps['agentLauncher']): (project: Project) => TurnDeps {
  return (project) => {
    const agentLauncher = launcherOf(project);
    return { resolveCredential, ...(agentLauncher ? { agentLauncher } : {}) };
  };
}

/** A project's workspace as the router uses it. */
export type ProjectScope = WorkspaceScope & { projectId: string; scrub: ErrorScrubber };

/** What every project scope shares. */
export type ProjectScopesOptions = Omit<WorkspaceScopeOptions, 'root' | 'logsDir' | 'clients' | 'onTurnEvent' | 'turnDeps'> & {
  db: Queryable;
  /** The multiuser data dir: project state goes in `<dataDir>/project-state/<id>`. */
  dataDir: string;
  clients: ClientRegistry;
  membership: Membership;
  /** The turn service's extras of one project (its credential resolver, its container launcher). */
  turnDepsOf?: (project: Project) => WorkspaceScopeOptions['turnDeps'];
  /** The audit of one project's turn events. */
  turnObserverOf?: (project: Project, root: string) => (event: TurnEvent, origin: TurnEventOrigin) => void;
  /** Where a project's state (turn logs) goes; default `<dataDir>/project-state/<id>` (a cluster host: inside the folder). */
  stateDirOf?: (project: Project, root: string) => string;
  /** The clients as a project's scope sees them; default: `clients` filtered to its members (projectClients). */
  clientsOf?: (project: Project) => ClientRegistry;
};

/**
 * The project scopes of a multiuser hub, each created on first use: root = the project's folder
 * (created when missing), turn logs in `<data>/project-state/<id>/logs`, notifications only to the
 * project's members. Interrupted turns are recovered when the scope is created.
 */
export function createProjectScopes(options: ProjectScopesOptions) {
  const scopes = new Map<string, Promise<ProjectScope | undefined>>();
  const ready = new Map<string, ProjectScope>();
  let closed = false;

  async function create(projectId: string): Promise<ProjectScope | undefined> {
    const project = await findProject(options.db, projectId);
    if (!project || project.id !== projectId) return undefined; // findProject also matches names; the API names ids
    mkdirSync(project.folder, { recursive: true, mode: 0o700 });
    const root = realpathSync(project.folder);
    const projectState = options.stateDirOf?.(project, root) ?? path.join(options.dataDir, 'project-state', project.id);
    mkdirSync(projectState, { recursive: true, mode: 0o700 });
    const scope = createWorkspaceScope({
      ...options,
      root,
      logsDir: path.join(projectState, 'logs'),
      clients: options.clientsOf?.(project) ?? projectClients(options.clients, project.id, options.membership),
      turnDeps: options.turnDepsOf?.(project),
      onTurnEvent: options.turnObserverOf?.(project, root),
    });
    await scope.recoverInterrupted();
    const projectScope: ProjectScope = { ...scope, projectId: project.id, scrub: createErrorScrubber({ root, stateDir: options.dataDir }) };
    if (closed) {
      await scope.close();
      return undefined;
    }
    ready.set(project.id, projectScope);
    return projectScope;
  }

  return {
    /** The project's scope; undefined when there is no such project (or the hub is closing). */
    scopeOf(projectId: string): Promise<ProjectScope | undefined> {
      if (closed) return Promise.resolve(undefined);
      let scope = scopes.get(projectId);
      if (!scope) {
        scope = create(projectId).then((created) => {
          if (!created) scopes.delete(projectId); // a project added later is found then
          return created;
        });
        scope.catch(() => scopes.delete(projectId)); // a failed start (folder unusable) is tried again next time
        scopes.set(projectId, scope);
      }
      return scope;
    },
    /** The scopes created so far. */
    loaded: (): ProjectScope[] => [...ready.values()],
    /**
     * Closes one project's scope and forgets it (the project moved to another host): its agents are
     * stopped, its running and queued turns end interrupted (their subscribers see it), the next call
     * creates the scope again.
     */
    async unload(projectId: string): Promise<void> {
      const scope = scopes.get(projectId);
      if (!scope) return;
      scopes.delete(projectId);
      const created = await scope.catch(() => undefined);
      if (!created) return;
      if (ready.get(projectId) === created) ready.delete(projectId);
      await created.turnService?.shutdown();
      await created.turnService?.recoverInterrupted();
      await created.close();
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.allSettled([...scopes.values()]);
      await Promise.all([...ready.values()].map((scope) => scope.close()));
    },
  };
}

export type ProjectScopes = ReturnType<typeof createProjectScopes>;
