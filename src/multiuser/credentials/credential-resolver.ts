import { findAgentDefinition } from '../../agents/index.js';
import type { HubSettings } from '../../protocol/index.js';
import type { CredentialResolver } from '../../hub/types.js';
import { CredentialDecryptError } from './credential-cipher.js';
import { chooseKeySource, missingKeyProblem, takesApiKey } from './credential-policy.js';
import type { CredentialStore } from './credential-store.js';

/** Reads one stored key; a blob this hub cannot decrypt counts as missing, with a problem to tell. */
async function readKey(read: () => Promise<string | undefined>, unreadable: string): Promise<{ apiKey?: string; problem?: string }> {
  try {
    return { apiKey: await read() };
  } catch (error) {
    if (!(error instanceof CredentialDecryptError)) throw error;
    console.warn(`[credentials] ${error.message}`);
    return { problem: unreadable };
  }
}

/**
 * The multiuser resolver: at turn start, the key of the account that started the turn, else the
 * site's, by chooseKeySource; else a problem the turn fails with.
 */
export function createCredentialResolver(store: CredentialStore, settings: () => HubSettings): CredentialResolver {
  return async (agentId, accountId) => {
    const definition = findAgentDefinition(agentId);
    if (!definition) return { problem: `Unknown agent "${agentId}".` };
    if (!takesApiKey(definition)) return { source: 'none' };
    const current = settings();
    const problems: string[] = [];
    if (chooseKeySource(current, { user: true, site: false }) === 'user') {
      const user = await readKey(() => store.userKey(accountId, agentId), `Your ${definition.label} key cannot be read by this hub any more; connect ${definition.label} again in your account settings.`);
      if (user.apiKey) return { apiKey: user.apiKey, source: 'user' };
      if (user.problem) problems.push(user.problem);
    }
    const site = await readKey(() => store.siteKey(agentId), `The site's ${definition.label} key cannot be read by this hub any more; ask the admin to set it again.`);
    if (site.apiKey) return { apiKey: site.apiKey, source: 'site' };
    if (site.problem) problems.push(site.problem);
    return { problem: problems[0] ?? missingKeyProblem(definition, current) };
  };
}
