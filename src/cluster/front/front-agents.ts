import type { ClientRegistry } from '../../hub/client-registry.js';
import type { SecretStore } from '../../hub/types.js';
import { AgentsService } from '../../hub/turns/agents-service.js';
import type { AgentInfo, HubSettings } from '../../protocol/index.js';

/**
 * The front hub's agents service (agents.list, /customize). Agents run on the hosts, so what is
 * learned by running them (config options, models, auth methods) comes in the hosts' hub-wide
 * `agents.change`: `learnFromHost` takes it in, so that a page loaded later hears the same. The
 * host's notification itself is relayed as it is; taking it in tells the browsers nothing twice.
 */
export function createFrontAgents(deps: { stateDir: string; settings: () => HubSettings; secrets: SecretStore; clients: ClientRegistry }) {
  let learning = false;
  const agents = new AgentsService({
    stateDir: deps.stateDir,
    settings: deps.settings,
    secrets: deps.secrets,
    broadcast: (name, params) => {
      if (!learning) deps.clients.broadcast(name, params);
    },
  });
  return {
    agents,
    learnFromHost(list: unknown): void {
      if (!Array.isArray(list)) return;
      learning = true;
      try {
        for (const info of list as Partial<AgentInfo>[]) {
          if (typeof info?.id !== 'string' || !Array.isArray(info.configOptions) || !Array.isArray(info.authMethods)) continue;
          agents.learn(info.id, {
            configOptions: info.configOptions,
            authMethods: info.authMethods,
            acceptsImages: info.acceptsImages ?? null,
            signedIn: info.signedIn ?? null,
            ...(info.capabilities ? { capabilities: info.capabilities } : {}),
          });
        }
      } finally {
        learning = false;
      }
    },
  };
}
