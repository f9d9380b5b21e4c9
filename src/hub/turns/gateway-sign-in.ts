import type { TurnServiceDeps } from '../types.js';
import type { AgentsService } from './agents-service.js';
import type { ThreadAgent } from './thread-agent.js';
import type { TurnLog } from './turn-context.js';
import { resolveTurnCredential } from './turn-credential.js';

/** codex-acp's method for a client-provided OpenAI-compatible gateway (offered when we advertise `auth._meta.gateway`). */
export const GATEWAY_METHOD = 'gateway';

// Agent processes already routed to the gateway (a restarted process is a new ThreadAgent).
const routed = new WeakSet<ThreadAgent>();

/**
 * With a site gateway set (settings `codex_gateway_url`), a fresh agent process that offers the
 * `gateway` method is signed in to it before its session opens: the base URL, and the turn's key
 * (the credential order's: the user's own, else the site's) as the Bearer token. The key travels
 * in the ACP request over the agent's stdin, never on a command line.
 */
export async function signInToSiteGateway(deps: TurnServiceDeps, agents: AgentsService, agent: ThreadAgent, accountId: string, log: TurnLog): Promise<void> {
  const baseUrl = deps.settings().codex_gateway_url;
  if (!baseUrl || routed.has(agent) || !agent.connection.capabilities.authMethods.some((method) => method.id === GATEWAY_METHOD)) return;
  const credential = await resolveTurnCredential(deps, agents, agent.agentId, accountId);
  const apiKey = 'apiKey' in credential ? credential.apiKey : undefined;
  const headers = apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
  await agent.connection.authenticate(GATEWAY_METHOD, { gateway: { baseUrl, headers, providerName: 'Site gateway' } });
  routed.add(agent);
  log.notice(`The agent uses the site's model gateway (${new URL(baseUrl).host}).`, 'info');
}
