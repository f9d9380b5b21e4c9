import { AcpApiError } from '../../acp-api/index.js';
import { ACP_API_ERROR_CODES, PROJECT_SCOPED_METHODS, type ProjectRole, type ProjectScopedMethod } from '../../protocol/index.js';
import type { ErrorScrubber } from '../../hub/error-scrub.js';
import type { ClientContext, MethodHandler, MethodHandlers } from '../../hub/types.js';

const RANK: Record<ProjectRole, number> = { viewer: 0, collaborator: 1, owner: 2 };
/** Longest project id quoted back in an error (and kept in an audit row). */
const MAX_QUOTED_PROJECT = 100;

/** A project's methods, as the router calls them. */
export type RoutedScope = { handlers: MethodHandlers; scrub: ErrorScrubber };

/** What the router needs from the hub. */
export type ProjectRouterDeps = {
  roleOf(accountId: string, projectId: string): Promise<ProjectRole | null>;
  /** The project's scope (created on first use); undefined when the project does not exist. */
  scopeOf(projectId: string): Promise<RoutedScope | undefined>;
  /** A refused call (no project, not a member, too little a role, bad params, a path outside the project): the audit's 'refused' row. */
  refused(method: string, params: Record<string, unknown>, context: ClientContext, reason: string): void;
  /** A call that ran, for the audit of approvals, interrupts, config changes. `params` still name the project. */
  called(method: string, params: Record<string, unknown>, context: ClientContext, outcome: { ok: true; result: unknown } | { ok: false; message: string }): void;
};

/** Errors of a project's handler that refuse the input rather than fail: audited as refusals. */
const REFUSAL_CODES: ReadonlySet<number> = new Set([ACP_API_ERROR_CODES.forbidden, ACP_API_ERROR_CODES.invalidParams]);

/**
 * The multiuser handlers of every project-scoped method: each needs `params.project` and the
 * caller's role in it (unknown project and non-member get the same answer, so ids cannot be probed),
 * at least the method's least role; then the project's own handler runs without `project`, its
 * errors scrubbed of that project's folder.
 */
export function createProjectRouter(deps: ProjectRouterDeps): MethodHandlers {
  const refuse = (method: string, params: Record<string, unknown>, context: ClientContext, error: AcpApiError): never => {
    deps.refused(method, params, context, error.message);
    throw error;
  };
  function route(method: ProjectScopedMethod): MethodHandler<ProjectScopedMethod> {
    const least = PROJECT_SCOPED_METHODS[method];
    return async (params, context) => {
      const all = params as Record<string, unknown>;
      const { project, ...rest } = all;
      if (typeof project !== 'string' || project === '') {
        return refuse(method, { ...rest, project: null }, context, AcpApiError.invalidParams(`${method}: project is required in multiuser mode`));
      }
      const quoted = project.slice(0, MAX_QUOTED_PROJECT);
      const named = { ...rest, project: quoted };
      const notMember = () => AcpApiError.forbidden(`not a member of project ${quoted}`);
      const role = await deps.roleOf(context.accountId, project);
      if (role === null) return refuse(method, named, context, notMember());
      if (RANK[role] < RANK[least]) return refuse(method, named, context, AcpApiError.forbidden(`${role}s cannot ${method} in project ${quoted}`));
      const scope = await deps.scopeOf(project);
      if (!scope) return refuse(method, named, context, notMember()); // deleted since the role was read
      const handler = scope.handlers[method] as MethodHandler<ProjectScopedMethod> | undefined;
      if (!handler) throw new AcpApiError(ACP_API_ERROR_CODES.methodNotFound, `${method} is not available on this hub (no turn service)`);
      let result: unknown;
      try {
        result = await handler(rest as never, context);
      } catch (error) {
        if (!AcpApiError.isInstance(error)) {
          const message = scope.scrub((error as Error)?.message ?? String(error), { internal: true });
          deps.called(method, named, context, { ok: false, message });
          throw new Error(message);
        }
        const scrubbed = new AcpApiError(error.code, scope.scrub(error.message), { data: error.data });
        if (REFUSAL_CODES.has(error.code)) return refuse(method, named, context, scrubbed);
        deps.called(method, named, context, { ok: false, message: scrubbed.message });
        throw scrubbed;
      }
      deps.called(method, named, context, { ok: true, result });
      return result as never;
    };
  }
  return Object.fromEntries(Object.keys(PROJECT_SCOPED_METHODS).map((method) => [method, route(method as ProjectScopedMethod)])) as MethodHandlers;
}
