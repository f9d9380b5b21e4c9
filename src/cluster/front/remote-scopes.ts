import { AcpApiError } from '../../acp-api/index.js';
import type { ErrorScrubber } from '../../hub/error-scrub.js';
import type { ClientContext, MethodHandlers } from '../../hub/types.js';
import type { RoutedScope } from '../../multiuser/hub/project-router.js';
import { ACP_API_ERROR_CODES, PROJECT_SCOPED_METHODS } from '../../protocol/index.js';
import type { HostCaller } from './host-call.js';
import type { ProjectHosts } from './project-hosts.js';

/** A host's answer that the project is not (or no longer) assigned to it: "project P is not on host H". */
function isNotOnHost(error: unknown): boolean {
  return AcpApiError.isInstance(error) && error.code === ACP_API_ERROR_CODES.hostUnavailable && / is not on host /.test(error.message);
}

/**
 * The project scopes of a cluster's front hub: each project method, once the router has checked
 * the caller's role, goes to the project's host as a signed call (its `project` param put back).
 * A host that answers "not on host" (the project moved) makes the front re-read the assignment and
 * try once more.
 */
export function createRemoteScopes(deps: { hosts: ProjectHosts; call: HostCaller; scrub: ErrorScrubber }) {
  async function callProject(projectId: string, method: string, params: Record<string, unknown>, context: ClientContext): Promise<unknown> {
    const full = { ...params, project: projectId };
    const hostId = await deps.hosts.hostOf(projectId);
    if (hostId === undefined) throw AcpApiError.forbidden(`not a member of project ${projectId.slice(0, 100)}`); // deleted since the role was read
    try {
      return await deps.call(hostId, method, full, context);
    } catch (error) {
      if (!isNotOnHost(error)) throw error;
      deps.hosts.forget(projectId);
      const movedTo = await deps.hosts.hostOf(projectId);
      if (movedTo === undefined) throw error;
      return deps.call(movedTo, method, full, context);
    }
  }

  return {
    /** The router's scope of a project: a forwarder per project method (whether the project exists is the host's to say). */
    scopeOf(projectId: string): Promise<RoutedScope> {
      const handlers = Object.fromEntries(
        Object.keys(PROJECT_SCOPED_METHODS).map((method) => [method, (params: Record<string, unknown>, context: ClientContext) => callProject(projectId, method, params, context)]),
      ) as MethodHandlers;
      return Promise.resolve({ handlers, scrub: deps.scrub });
    },
  };
}
