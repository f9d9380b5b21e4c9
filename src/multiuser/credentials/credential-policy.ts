import type { AgentDefinition } from '../../agents/index.js';
import type { HubSettings } from '../../protocol/index.js';

/**
 * The one rule of which key a turn's agent gets (README "Credentials"):
 * 1. the starting account's own key, when it has one and the admin allows user keys
 *    (`codex_allow_user_tokens`, "Allow users to enter their own API keys", for every agent);
 * 2. else the site key, when the admin set one (setting it is what allows members to use it);
 * 3. else none, and the turn fails with what to do.
 * Agents that take no key (the demo agent) need none.
 */
export function chooseKeySource(settings: HubSettings, has: { user: boolean; site: boolean }): 'user' | 'site' | 'none' {
  if (has.user && settings.codex_allow_user_tokens) return 'user';
  if (has.site) return 'site';
  return 'none';
}

/** Why a turn of a key-taking agent cannot start without a key, and what the user can do. */
export function missingKeyProblem(definition: AgentDefinition, settings: HubSettings): string {
  return settings.codex_allow_user_tokens
    ? `Connect ${definition.label} in your account settings.`
    : `${definition.label} has no site key and the admin does not allow user keys: ask the admin to set the site key.`;
}

/** Whether an agent takes an API key at all. */
export function takesApiKey(definition: AgentDefinition): boolean {
  return definition.apiKeyEnv !== undefined;
}
