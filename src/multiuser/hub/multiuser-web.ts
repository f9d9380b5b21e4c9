import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientRegistry } from '../../hub/client-registry.js';
import { publicCustomize } from '../../hub/customize.js';
import type { ErrorScrubber } from '../../hub/error-scrub.js';
import { createRpcDispatcher } from '../../hub/rpc-dispatcher.js';
import { DEFAULT_APP_DIR } from '../../hub/server.js';
import { attachSocketEndpoint } from '../../hub/socket-endpoint.js';
import type { MethodHandlers } from '../../hub/types.js';
import { createAuditMethods, type AuditLog } from '../audit/index.js';
import { createAuditCsvHandler } from '../audit/audit-csv-route.js';
import { createLoginService } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { auditedMethods, type CallAudit } from './audited-methods.js';
import { createHubMethods, type HubMethodDeps } from './hub-methods.js';
import type { Membership } from './membership.js';
import { createMultiuserHttpHandler } from './multiuser-http.js';
import { createProjectRouter, type ProjectRouterDeps } from './project-router.js';

/** What the web side of a multiuser hub works with: the all-in-one hub and a cluster's front hub give the same. */
export type MultiuserWebOptions = {
  db: Database;
  audit: AuditLog;
  calls: CallAudit;
  clients: ClientRegistry;
  membership: Membership;
  hubMethods: Omit<HubMethodDeps, 'db' | 'clients'>;
  credentialsMethods: MethodHandlers;
  /** More hub-level methods, or replacements of some (they win over the standard ones). */
  extraMethods?: MethodHandlers;
  /** Where a project's calls go once the router let them through. */
  scopeOf: ProjectRouterDeps['scopeOf'];
  scrub: ErrorScrubber;
  host: string;
  port?: number;
  appDir?: string;
  secureCookies?: boolean;
  heartbeatIntervalMs?: number;
};

export type MultiuserWeb = { url: string; port: number; close(): Promise<void> };

/**
 * The web side of a multiuser hub: the login pages and the app behind them, /api/ws with its
 * admission, the hub-level methods (audited) and the project router in front of `scopeOf`.
 * Listens before it returns.
 */
export async function startMultiuserWeb(options: MultiuserWebOptions): Promise<MultiuserWeb> {
  const { db, audit, calls, clients, membership } = options;
  const { settings, agents } = options.hubMethods;
  const handlers: MethodHandlers = {
    ...auditedMethods(
      {
        ...createHubMethods({ ...options.hubMethods, db, clients }),
        ...options.credentialsMethods,
        ...createAuditMethods({ db, roleOf: membership.roleOf }),
        ...options.extraMethods,
      },
      calls,
    ),
    ...createProjectRouter({ roleOf: membership.roleOf, scopeOf: options.scopeOf, refused: calls.refused, called: calls.called }),
  };
  const dispatch = createRpcDispatcher(handlers, options.scrub);
  const login = createLoginService({ db, audit, secureCookies: options.secureCookies });
  const server = createServer(
    createMultiuserHttpHandler({
      login,
      appDir: options.appDir ?? DEFAULT_APP_DIR,
      customize: () => ({ ...publicCustomize(settings, undefined), agents: agents.forCustomize() }),
      auditCsv: createAuditCsvHandler({ db, roleOf: membership.roleOf }),
    }),
  );
  const endpoint = attachSocketEndpoint({
    server,
    clients,
    admit: async (request) => {
      const auth = await login.authenticate(request);
      if (!auth.ok) return auth;
      return { ok: true, context: { accountId: auth.account.id, isAdmin: auth.account.isAdmin, ip: request.socket.remoteAddress } };
    },
    dispatch,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host, () => resolve());
    });
  } catch (error) {
    endpoint.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    async close() {
      endpoint.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
