import { findAgentDefinition, type AgentDefinition } from '../../agents/index.js';
import { AcpApiError } from '../../acp-api/index.js';

/** The longest API key accepted (provider keys are ~40-200 characters; a gateway token may be longer). */
export const MAX_API_KEY_LENGTH = 4096;
/** The shortest: the turn log redacts keys from this length on (src/hub/turns/redact-secret.ts). */
export const MIN_API_KEY_LENGTH = 8;

/** The key-taking agent named by `agent`, or a -32602 saying why not (the acp-api client prefixes the method name). */
export function keyTakingAgent(agent: unknown): AgentDefinition {
  if (typeof agent !== 'string' || agent.length === 0 || agent.length > 200) throw AcpApiError.invalidParams(`agent must be an agent id.`);
  const definition = findAgentDefinition(agent);
  if (!definition) throw AcpApiError.invalidParams(`unknown agent "${agent}".`);
  if (!definition.apiKeyEnv) throw AcpApiError.invalidParams(`${definition.label} takes no API key.`);
  return definition;
}

/**
 * The key to store (surrounding whitespace of a paste trimmed), or a -32602. The messages never
 * quote the value: a refused key is still somebody's secret.
 */
export function checkApiKey(apiKey: unknown): string {
  if (typeof apiKey !== 'string') throw AcpApiError.invalidParams(`apiKey must be a string.`);
  const key = apiKey.trim();
  if (key.length === 0) throw AcpApiError.invalidParams(`the API key is empty.`);
  if (key.length < MIN_API_KEY_LENGTH) throw AcpApiError.invalidParams(`the API key is too short (at least ${MIN_API_KEY_LENGTH} characters).`);
  if (key.length > MAX_API_KEY_LENGTH) throw AcpApiError.invalidParams(`the API key is too long (at most ${MAX_API_KEY_LENGTH} characters).`);
  if (!/^[\x21-\x7e]+$/.test(key)) throw AcpApiError.invalidParams(`an API key is one line of printable ASCII characters without spaces.`);
  return key;
}

/** Refuses params other than `allowed` (a typo must not be taken for a different call). */
export function checkKnownParams(params: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw AcpApiError.invalidParams(`params must be an object.`);
  const extra = Object.keys(params).filter((name) => !allowed.includes(name));
  if (extra.length > 0) throw AcpApiError.invalidParams(`unknown params ${extra.slice(0, 5).map((name) => JSON.stringify(name.slice(0, 50))).join(', ')}.`);
  return params as Record<string, unknown>;
}
