import { AGENT_DEFINITIONS, type AgentDefinition } from '../../agents/index.js';
import type { TurnServiceDeps } from '../types.js';
import type { AcpClientHandlers } from './acp-connection.js';
import { checkAgentEnvironment, resolveWorkingDirectory } from './agent-paths.js';
import type { AgentPool } from './agent-pool.js';
import type { AgentsService } from './agents-service.js';
import { agentEnvironment, launchThreadAgent, type ThreadAgent } from './thread-agent.js';
import type { TurnContext } from './turn-context.js';
import { keyFingerprint, resolveTurnCredential, withoutInheritedKeys } from './turn-credential.js';
import type { ThreadState } from './types.js';

const AGENT_KEY_VARIABLES = AGENT_DEFINITIONS.flatMap((definition) => (definition.apiKeyEnv ? [definition.apiKeyEnv] : []));

/** What the agent said about itself in `initialize` goes to agents.list; with an API key in its environment it is sent the api-key method. */
async function signIn(agent: ThreadAgent, agentId: string, agents: AgentsService, hasApiKey: boolean): Promise<void> {
  const { capabilities } = agent.connection;
  agents.learn(agentId, { authMethods: capabilities.authMethods, acceptsImages: capabilities.images, capabilities });
  if (hasApiKey && capabilities.authMethods.some((method) => method.id === 'api-key')) await agent.connection.authenticate('api-key');
}

/**
 * Step 2 of a turn: checks the agent may run here (known, enabled, working directory and
 * environment allowed), then reuses the thread's live agent of the same kind or starts one.
 */
export async function ensureThreadAgent(
  deps: TurnServiceDeps,
  thread: ThreadState,
  context: TurnContext,
  services: { agents: AgentsService; pool: AgentPool; handlers: AcpClientHandlers },
): Promise<{ agent: ThreadAgent; definition: AgentDefinition; cwd: string }> {
  const { config, definition, log } = context;
  if (!definition) throw new Error(`Unknown agent "${config.agent}".`);
  if (!deps.settings().enabled_agents.includes(definition.id)) throw new Error(`The agent "${definition.label}" is disabled by the admin.`);
  const credential = await resolveTurnCredential(deps, services.agents, definition.id, context.request.accountId);
  if ('problem' in credential) {
    // The thread's agent runs on someone else's key: its stderr must not be quoted in this turn's error.
    thread.agent?.process.kill();
    thread.agent = undefined;
    throw new Error(credential.problem);
  }
  log.setSecret(credential.apiKey);
  const fingerprint = keyFingerprint(credential.apiKey);
  const cwd = resolveWorkingDirectory(deps.root, config.workingDirectory);
  checkAgentEnvironment(deps.root, config);
  // Another member's turn (or a replaced key) must not run on the key the process was started with.
  const otherKey = thread.agent !== undefined && (thread.agent.keyFingerprint ?? '') !== fingerprint;
  if (otherKey) await thread.changingOptions;
  // A project container serves one mode and working directory: another one needs another container.
  const mode = config.sessionMode || undefined;
  const misplaced = thread.agent?.process.fits?.(cwd, mode) === false;
  if (thread.agent && (thread.agent.process.hasExited() || thread.agent.agentId !== definition.id || otherKey || misplaced)) {
    thread.agent.process.kill();
    thread.agent = undefined;
  }
  if (!thread.agent) {
    services.pool.makeRoom(thread);
    const inherited = agentEnvironment(definition, config, log.secret(), deps.stateDir);
    const env = deps.resolveCredential ? withoutInheritedKeys(inherited, AGENT_KEY_VARIABLES, credential.apiKey ? definition.apiKeyEnv : undefined) : inherited;
    thread.agent = await launchThreadAgent(definition, cwd, env, deps.stateDir, services.handlers, { launcher: deps.agentLauncher, mode });
    thread.agent.keyFingerprint = fingerprint;
    await signIn(thread.agent, definition.id, services.agents, credential.apiKey !== undefined);
  }
  const agent = thread.agent;
  await thread.changingOptions;
  agent.lastUsedAt = Date.now();
  return { agent, definition, cwd };
}
