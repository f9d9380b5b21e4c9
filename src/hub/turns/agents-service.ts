import { AGENT_DEFINITIONS, findAgentDefinition, type AgentDefinition } from '../../agents/index.js';
import type { AgentCapabilities, AgentInfo, PublicCustomize, SessionConfigOption } from '../../protocol/index.js';
import type { TurnServiceDeps } from '../types.js';

/** What the hub learned about an agent from running it. */
export type AgentKnowledge = {
  configOptions: SessionConfigOption[];
  authMethods: AgentInfo['authMethods'];
  acceptsImages: boolean | null;
  signedIn: boolean | null;
  /** From the real initialize (and session) result, see AgentConnection. */
  capabilities?: AgentCapabilities;
  /** Model ids of agents that list models instead of a model config option (Gemini). */
  models?: string[];
};

/** agents.list, agents.authenticate and the customize list, from the registry plus what was learned. */
export class AgentsService {
  private readonly known = new Map<string, AgentKnowledge>();

  /** Hub-wide parts only: a multiuser hub shares one AgentsService across its workspaces. */
  constructor(private readonly deps: Pick<TurnServiceDeps, 'stateDir' | 'settings' | 'secrets' | 'broadcast'>) {}

  learn(agentId: string, knowledge: Partial<AgentKnowledge>): void {
    const before = this.known.get(agentId) ?? { configOptions: [], authMethods: [], acceptsImages: null, signedIn: null };
    this.known.set(agentId, { ...before, ...knowledge });
    this.deps.broadcast('agents.change', { agents: this.list() });
  }

  apiKey(agentId: string): string | undefined {
    return this.deps.secrets.get(`agent.${agentId}.apiKey`);
  }

  private info(definition: AgentDefinition): AgentInfo {
    const known = this.known.get(definition.id);
    const installed = definition.resolveLaunch(this.deps.stateDir) !== undefined;
    const installHint = definition.package ? `Run \`codex-chat agents install ${definition.id}\` on the hub's machine (npm package ${definition.package.name}).` : undefined;
    const enabled = this.deps.settings().enabled_agents.includes(definition.id) && (definition.id !== 'codex' || this.deps.settings().codex_enabled);
    const authMethods = known?.authMethods.length ? known.authMethods : definition.apiKeyEnv ? [{ id: 'api-key', name: 'API key', needsApiKey: true }] : [];
    const signedIn = definition.demo ? true : (known?.signedIn ?? (this.apiKey(definition.id) ? true : null));
    const sandbox = installed ? definition.sandbox?.() : undefined;
    return {
      id: definition.id,
      label: definition.label,
      demo: definition.demo,
      installed,
      signedIn,
      enabled,
      authMethods,
      configOptions: known?.configOptions ?? [],
      acceptsImages: known?.acceptsImages ?? null,
      ...(known?.capabilities ? { capabilities: known.capabilities } : {}),
      ...(sandbox ? { sandbox } : {}),
      ...(installed ? {} : { problem: `${definition.label} is not installed.${installHint ? ` ${installHint}` : ''}`, ...(installHint ? { installHint } : {}) }),
    };
  }

  list(): AgentInfo[] {
    return AGENT_DEFINITIONS.map((definition) => this.info(definition));
  }

  forCustomize(): PublicCustomize['agents'] {
    return this.list()
      .filter((agent) => agent.enabled && agent.installed)
      .map((agent) => {
        const model = agent.configOptions.find((option) => option.id === 'model' || option.category === 'model');
        const listed = this.known.get(agent.id)?.models ?? [];
        const models = model?.type === 'select' ? model.options.flatMap((entry) => ('value' in entry ? [entry.value] : [])) : listed;
        return { id: agent.id, label: agent.label, demo: agent.demo, models };
      });
  }

  /** Stores an API key as a secret; the agent gets it in its environment on its next start. */
  async authenticate(agentId: string, methodId: string, apiKey: string | undefined): Promise<{ ok: boolean; message?: string }> {
    const definition = findAgentDefinition(agentId);
    if (!definition) return { ok: false, message: `Unknown agent "${agentId}".` };
    if (!apiKey) return { ok: false, message: `Method "${methodId}" needs an API key here; sign in with the agent's own tool otherwise.` };
    if (!definition.apiKeyEnv) return { ok: false, message: `${definition.label} takes no API key.` };
    if (!this.deps.settings().codex_allow_user_tokens && definition.id === 'codex') return { ok: false, message: 'The admin does not allow user API keys.' };
    await this.deps.secrets.set(`agent.${definition.id}.apiKey`, apiKey);
    this.learn(definition.id, { signedIn: null });
    return { ok: true, message: `API key saved; ${definition.label} will use it from its next start.` };
  }
}
