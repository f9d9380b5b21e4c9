import { AGENT_DEFINITIONS } from '../../agents/index.js';
import type { SecretStore } from '../../hub/types.js';
import type { CredentialStore, StoredKeyInfo } from './credential-store.js';

/** The secrets-file name of an agent's key (what agents.authenticate has always written). */
export function liteSecretName(agent: string): string {
  return `agent.${agent}.apiKey`;
}

/**
 * Lite mode's credentials: the one account's keys in the hub's 0600 secrets file, as before
 * (so keys entered through agents.authenticate and through credentials.set are the same). The
 * secrets file has no delete: a cleared key is stored empty, which reads as none.
 */
export function createLiteCredentialStore(secrets: SecretStore, agents: readonly string[] = AGENT_DEFINITIONS.map((definition) => definition.id)): CredentialStore {
  const userKey = async (_accountId: string, agent: string) => secrets.get(liteSecretName(agent)) || undefined;
  return {
    hasSiteKeys: false,
    async presenceOf() {
      const user = new Map<string, StoredKeyInfo>();
      for (const agent of agents) if (secrets.get(liteSecretName(agent))) user.set(agent, {});
      return { user, site: new Map() };
    },
    userKey,
    siteKey: async () => undefined,
    setUserKey: (_accountId, agent, apiKey) => secrets.set(liteSecretName(agent), apiKey ?? ''),
    setSiteKey: async () => {
      throw new Error('Lite mode has no site keys.');
    },
  };
}
