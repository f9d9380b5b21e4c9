import { scopeApiToProject } from '../index.js';
import type { AcpApi, CodexRuntime } from '../index.js';
import { createAppRuntime } from './create-app-runtime.js';

/**
 * The multiuser page's runtimes: one per project opened, each on the shared connection scoped to its
 * project (scopeApiToProject), kept while the page lives so going back to a project is instant.
 */
export function createProjectRuntimes(api: AcpApi, accountId: string) {
  const runtimes = new Map<string, CodexRuntime>();
  return {
    get(projectId: string): CodexRuntime {
      let runtime = runtimes.get(projectId);
      if (!runtime) runtimes.set(projectId, (runtime = createAppRuntime(scopeApiToProject(api, projectId), accountId)));
      return runtime;
    },
    /** Every runtime made so far (e.g. to tell each the new account name). */
    all: (): CodexRuntime[] => [...runtimes.values()],
    dispose(): void {
      for (const runtime of runtimes.values()) {
        runtime.dispose();
        runtime.api?.close(); // the scoped api: drops its listeners, the shared connection stays
      }
      runtimes.clear();
    },
  };
}

export type ProjectRuntimes = ReturnType<typeof createProjectRuntimes>;
