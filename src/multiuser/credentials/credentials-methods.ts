import { AGENT_DEFINITIONS } from '../../agents/index.js';
import { AcpApiError } from '../../acp-api/index.js';
import type { CredentialStatus, HubSettings } from '../../protocol/index.js';
import type { MethodHandlers } from '../../hub/types.js';
import { checkApiKey, checkKnownParams, keyTakingAgent } from './api-key-check.js';
import { chooseKeySource, takesApiKey } from './credential-policy.js';
import type { CredentialStore } from './credential-store.js';

const KEY_TAKING_AGENTS = AGENT_DEFINITIONS.filter(takesApiKey).map((definition) => definition.id);

/** What credentials.* need: where keys are kept, the settings (may users bring keys?), and who may see a change. */
export type CredentialsMethodsOptions = {
  store: CredentialStore;
  settings: () => HubSettings;
  /** Told after a key changed (the audit, agents.change); never given the key. */
  onChange?: (change: { accountId: string; agent: string; scope: 'user' | 'site'; action: 'set' | 'clear' }) => void;
};

/** One status row per key-taking agent for `accountId`; never a key. */
export async function credentialStatuses(store: CredentialStore, settings: HubSettings, accountId: string): Promise<CredentialStatus[]> {
  const presence = await store.presenceOf(accountId);
  return KEY_TAKING_AGENTS.map((agent) => {
    const user = presence.user.get(agent);
    const site = presence.site.get(agent);
    return {
      agent,
      hasUserKey: user !== undefined,
      ...(user?.updatedAt ? { userKeyUpdatedAt: user.updatedAt } : {}),
      hasSiteKey: site !== undefined,
      effective: chooseKeySource(settings, { user: user !== undefined, site: site !== undefined }),
    };
  });
}

/**
 * credentials.list / set / clear (the caller's own keys) and credentials.setSite (admins; a string
 * replaces the site key, null removes it). Hub-level methods: the multiuser hub and the lite hub
 * mount them with their store. Answers are statuses, never a key.
 */
export function createCredentialsMethods(options: CredentialsMethodsOptions): MethodHandlers {
  const { store, settings } = options;
  const statuses = async (accountId: string) => ({ credentials: await credentialStatuses(store, settings(), accountId) });
  return {
    'credentials.list': async (params, context) => {
      checkKnownParams(params, []);
      return { ...(await statuses(context.accountId)), siteKeys: store.hasSiteKeys };
    },
    'credentials.set': async (params, context) => {
      const checked = checkKnownParams(params, ['agent', 'apiKey']);
      const definition = keyTakingAgent(checked.agent);
      const apiKey = checkApiKey(checked.apiKey);
      if (!settings().codex_allow_user_tokens) throw AcpApiError.forbidden('The admin does not allow user API keys.');
      await store.setUserKey(context.accountId, definition.id, apiKey);
      options.onChange?.({ accountId: context.accountId, agent: definition.id, scope: 'user', action: 'set' });
      return statuses(context.accountId);
    },
    'credentials.clear': async (params, context) => {
      const checked = checkKnownParams(params, ['agent']);
      const definition = keyTakingAgent(checked.agent);
      await store.setUserKey(context.accountId, definition.id, null);
      options.onChange?.({ accountId: context.accountId, agent: definition.id, scope: 'user', action: 'clear' });
      return statuses(context.accountId);
    },
    'credentials.setSite': async (params, context) => {
      if (!context.isAdmin) throw AcpApiError.forbidden('Only an admin can set site keys.');
      const checked = checkKnownParams(params, ['agent', 'apiKey']);
      const definition = keyTakingAgent(checked.agent);
      if (!store.hasSiteKeys) throw AcpApiError.invalidParams('lite mode has no site keys; use credentials.set.');
      const apiKey = checked.apiKey === null ? null : checkApiKey(checked.apiKey);
      await store.setSiteKey(definition.id, apiKey);
      options.onChange?.({ accountId: context.accountId, agent: definition.id, scope: 'site', action: apiKey === null ? 'clear' : 'set' });
      return statuses(context.accountId);
    },
  };
}
