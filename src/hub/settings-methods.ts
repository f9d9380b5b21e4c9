import { z } from 'zod';
import { AcpApiError } from '../acp-api/index.js';
import type { ContainerSettingsInfo } from '../protocol/index.js';
import { accountNameProblem, loadAccountId, readAccountName, writeAccountName } from './account-id.js';
import type { ClientRegistry } from './client-registry.js';
import { checkParams } from './method-params.js';
import type { SettingsStore } from './settings-store.js';
import type { MethodHandlers } from './types.js';

const SetParams = z.object({ settings: z.unknown() });
const NameParams = z.object({ name: z.string().max(1_000) });

/**
 * settings.get for everyone; settings.set for the admin only, announced to all as `settings.change`.
 * With `stateDir`, the hub's local account has a display name (the OS user's until renamed with
 * `account.setName`), returned by settings.get to that account. `containers` (where agents run) goes
 * to admins.
 */
export function createSettingsMethods(settings: SettingsStore, clients: ClientRegistry, stateDir?: string, containers?: ContainerSettingsInfo): MethodHandlers {
  const localAccountId = stateDir ? loadAccountId(stateDir) : undefined;
  let accountName = stateDir ? readAccountName(stateDir) : undefined;
  return {
    'settings.get': async (_params, context) => ({
      settings: settings.get(),
      isAdmin: context.isAdmin,
      accountId: context.accountId,
      mode: 'lite',
      ...(accountName !== undefined && context.accountId === localAccountId ? { accountName } : {}),
      ...(containers && context.isAdmin ? { containers } : {}),
    }),
    'account.setName': async (params, context) => {
      const { name } = checkParams('account.setName', NameParams, params);
      if (!stateDir || context.accountId !== localAccountId) throw AcpApiError.forbidden('account.setName: only the hub\'s local account has a name kept here');
      const problem = accountNameProblem(name);
      if (problem) throw AcpApiError.invalidParams(`account.setName: ${problem}`);
      accountName = await writeAccountName(stateDir, name);
      return { accountName };
    },
    'settings.set': async (params, context) => {
      if (!context.isAdmin) throw AcpApiError.forbidden('settings.set: only the admin may change settings (open the hub with its admin token)');
      const result = await settings.update(checkParams('settings.set', SetParams, params).settings);
      if (!result.ok) throw AcpApiError.invalidParams(`settings.set: invalid settings: ${result.problems.join('; ')}`);
      clients.broadcast('settings.change', { settings: result.settings });
      return { settings: result.settings };
    },
  };
}
