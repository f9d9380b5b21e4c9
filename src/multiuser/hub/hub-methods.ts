import { z } from 'zod';
import { AcpApiError } from '../../acp-api/index.js';
import { accountNameProblem } from '../../hub/account-id.js';
import type { ClientRegistry } from '../../hub/client-registry.js';
import { checkParams } from '../../hub/method-params.js';
import type { SettingsStore } from '../../hub/settings-store.js';
import type { AgentsService } from '../../hub/turns/agents-service.js';
import { createElicitationMethods } from '../../hub/turns/elicitation-methods.js';
import type { MethodHandlers, TurnLogStore } from '../../hub/types.js';
import type { ContainerSettingsInfo } from '../../protocol/index.js';
import { findAccountById, listProjectsOf, type Queryable } from '../db/index.js';
import { peopleSeenBy, renameAccount } from './people.js';

const SetParams = z.object({ settings: z.unknown() });
const NameParams = z.object({ name: z.string().max(1_000) });
const PeopleParams = z.object({ accountIds: z.array(z.string().max(200)).max(1_000) });
const NoParams = z.object({}).passthrough();

/** What the hub-level methods of a multiuser hub work with. */
export type HubMethodDeps = {
  db: Queryable;
  settings: SettingsStore;
  clients: ClientRegistry;
  agents: AgentsService;
  /** The turn logs of the project scopes created so far (logs.stats). */
  loadedTurnLogs(): TurnLogStore[];
  /** Where agents run (settings.get tells admins). */
  containers?: ContainerSettingsInfo;
};

/**
 * The methods a multiuser hub answers itself, for the caller's account: settings, agents, the
 * caller's name, their projects and the people they share one with.
 */
export function createHubMethods(deps: HubMethodDeps): MethodHandlers {
  const { db, settings, clients, agents } = deps;
  return {
    // URL elicitations of every project scope share one broker (theirs spread this registry's notifyAccount).
    ...createElicitationMethods(clients.notifyAccount),
    'settings.get': async (_params, context) => {
      const account = await findAccountById(db, context.accountId);
      return {
        settings: settings.get(),
        isAdmin: context.isAdmin,
        accountId: context.accountId,
        mode: 'multiuser',
        ...(account ? { accountName: account.name, email: account.email } : {}),
        ...(context.isAdmin && deps.containers ? { containers: deps.containers } : {}),
      };
    },
    'settings.set': async (params, context) => {
      if (!context.isAdmin) throw AcpApiError.forbidden('settings.set: only an admin may change settings');
      const result = await settings.update(checkParams('settings.set', SetParams, params).settings);
      if (!result.ok) throw AcpApiError.invalidParams(`settings.set: invalid settings: ${result.problems.join('; ')}`);
      clients.broadcast('settings.change', { settings: result.settings });
      // Whether an agent is enabled is part of what agents.list says.
      clients.broadcast('agents.change', { agents: agents.list() });
      return { settings: result.settings };
    },
    'agents.list': async (params) => {
      checkParams('agents.list', NoParams, params);
      return { agents: agents.list() };
    },
    'agents.authenticate': async () => {
      throw AcpApiError.forbidden('agents.authenticate: in multiuser mode each account connects its agents in its account settings (credentials.set)');
    },
    'account.setName': async (params, context) => {
      const { name } = checkParams('account.setName', NameParams, params);
      const problem = accountNameProblem(name);
      if (problem) throw AcpApiError.invalidParams(`account.setName: ${problem}`);
      return { accountName: await renameAccount(db, context.accountId, name) };
    },
    'projects.list': async (_params, context) => ({ projects: await listProjectsOf(db, context.accountId) }),
    'people.get': async (params, context) => {
      const { accountIds } = checkParams('people.get', PeopleParams, params);
      return { people: await peopleSeenBy(db, context.accountId, accountIds) };
    },
    'logs.stats': async (_params, context) => {
      if (!context.isAdmin) throw AcpApiError.forbidden('logs.stats: only an admin may read the log statistics');
      let bytes = 0;
      let turns = 0;
      for (const turnLogs of deps.loadedTurnLogs()) {
        const stats = turnLogs.stats();
        bytes += stats.bytes;
        turns += stats.turns;
      }
      return { bytes, turns };
    },
  };
}
