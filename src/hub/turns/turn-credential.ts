import { createHash } from 'node:crypto';
import type { ResolvedCredential, TurnServiceDeps } from '../types.js';
import type { AgentsService } from './agents-service.js';

/** A key's sha256 (hex), so a thread remembers which key its agent has without holding it; '' for none. */
export function keyFingerprint(apiKey: string | undefined): string {
  return apiKey ? createHash('sha256').update(apiKey).digest('hex') : '';
}

/**
 * The key the agent of this turn starts with: the hub's resolver (multiuser: the starting account's
 * key, else the site's), else the key stored in the secrets file, as lite mode always did.
 */
export async function resolveTurnCredential(deps: TurnServiceDeps, agents: AgentsService, agentId: string, accountId: string): Promise<ResolvedCredential> {
  if (deps.resolveCredential) return deps.resolveCredential(agentId, accountId);
  const apiKey = agents.apiKey(agentId);
  return apiKey ? { apiKey, source: 'user' } : { source: 'none' };
}

/**
 * Removes the API key variables of every agent from an environment inherited from the hub, but
 * `keep`'s: with a resolver (multiuser) an agent runs a member's commands, and the keys of the
 * hub's own environment are the operator's, not theirs.
 */
export function withoutInheritedKeys(env: NodeJS.ProcessEnv, keyVariables: readonly string[], keep: string | undefined): NodeJS.ProcessEnv {
  const result = { ...env };
  for (const name of keyVariables) if (name !== keep) delete result[name];
  return result;
}
