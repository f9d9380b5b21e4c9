import { z } from 'zod';
import { AcpApiError } from '../acp-api/index.js';
import type { ClientRegistry } from './client-registry.js';
import { checkParams } from './method-params.js';
import type { SettingsStore } from './settings-store.js';
import type { MethodHandlers } from './types.js';

const SetParams = z.object({ settings: z.unknown() });

/** settings.get for everyone; settings.set for the admin only, announced to all as `settings.change`. */
export function createSettingsMethods(settings: SettingsStore, clients: ClientRegistry): MethodHandlers {
  return {
    'settings.get': async (_params, context) => ({ settings: settings.get(), isAdmin: context.isAdmin, accountId: context.accountId }),
    'settings.set': async (params, context) => {
      if (!context.isAdmin) throw AcpApiError.forbidden('settings.set: only the admin may change settings (open the hub with its admin token)');
      const result = await settings.update(checkParams('settings.set', SetParams, params).settings);
      if (!result.ok) throw AcpApiError.invalidParams(`settings.set: invalid settings: ${result.problems.join('; ')}`);
      clients.broadcast('settings.change', { settings: result.settings });
      return { settings: result.settings };
    },
  };
}
