import { createCodexRuntime, scopeApiToProject } from '../index.js';
import type { AcpApi, CodexRuntime, ProjectApi, ProjectHostStatus, ProjectInfo } from '../index.js';
import { openProjectDocument } from './project-document.js';

type ProjectRuntime = { runtime: CodexRuntime; api: ProjectApi };

/**
 * The multiuser page's runtimes: one per project opened, each on the shared connection scoped to its
 * project (scopeApiToProject, which also follows the project's host in a cluster), kept while the
 * page lives so going back to a project is instant.
 */
export function createProjectRuntimes(api: AcpApi, accountId: string) {
  const projects = new Map<string, ProjectRuntime>();
  /** `host`: projects.list's word on the project's host, for a runtime made now. */
  function entry(projectId: string, host?: ProjectHostStatus): ProjectRuntime {
    let made = projects.get(projectId);
    if (!made) {
      const scoped = scopeApiToProject(api, projectId, { host });
      const runtime = createCodexRuntime({ api: scoped, accountId, openDocument: (path, options) => openProjectDocument(scoped, path, options) });
      projects.set(projectId, (made = { runtime, api: scoped }));
    }
    return made;
  }
  return {
    get: (projectId: string, host?: ProjectHostStatus): CodexRuntime => entry(projectId, host).runtime,
    /** The project's scoped api: its host's availability for the page. */
    api: (projectId: string, host?: ProjectHostStatus): ProjectApi => entry(projectId, host).api,
    /** Every runtime made so far (e.g. to tell each the new account name). */
    all: (): CodexRuntime[] => [...projects.values()].map((made) => made.runtime),
    /** A fresh projects.list (e.g. after a reconnect, when host notifications may have been missed). */
    updateHosts(listed: readonly ProjectInfo[]): void {
      for (const project of listed) projects.get(project.id)?.api.updateHost(project.host);
    },
    dispose(): void {
      for (const { runtime, api: scoped } of projects.values()) {
        runtime.dispose();
        scoped.close(); // drops its listeners, the shared connection stays
      }
      projects.clear();
    },
  };
}

export type ProjectRuntimes = ReturnType<typeof createProjectRuntimes>;
