import path from 'node:path';
import type { SessionConfigOption, SessionModeState } from '@agentclientprotocol/sdk';
import type { AgentDefinition } from '../../agents/index.js';
import type { AcpConfig } from '../../protocol/index.js';
import type { AcpClientHandlers } from './acp-connection.js';
import { startAgentProcess, type AgentProcess } from './agent-process.js';

/** A thread's agent process and the session open in it. */
export type ThreadAgent = { agentId: string; process: AgentProcess; sessionId?: string };

/** The session a turn runs in, with what the agent reported about it. */
export type OpenedSession = { sessionId: string; how: 'new' | 'load' | 'resume' | 'reuse'; modes?: SessionModeState | null; configOptions: SessionConfigOption[] };

/** The agent's environment: the hub's, plus the thread's home and the stored API key (never argv). */
export function agentEnvironment(definition: AgentDefinition, config: AcpConfig, apiKey: string | undefined, stateDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CODEX_CHAT_DEMO_STATE: path.join(stateDir, 'demo-sessions') };
  if (config.envHome) Object.assign(env, definition.homeEnv?.(config.envHome) ?? { HOME: config.envHome });
  if (config.envPath) env.PATH = config.envPath;
  if (apiKey && definition.apiKeyEnv) env[definition.apiKeyEnv] = apiKey;
  return env;
}

/** Starts the agent process of a thread. */
export async function launchThreadAgent(definition: AgentDefinition, cwd: string, env: NodeJS.ProcessEnv, handlers: AcpClientHandlers): Promise<ThreadAgent> {
  const launch = definition.resolveLaunch();
  if (!launch) throw new Error(`The agent "${definition.label}" is not installed.`);
  return { agentId: definition.id, process: await startAgentProcess(launch, { cwd, env }, handlers) };
}

/**
 * Opens the thread's session: reuses the one of a live process; in a fresh process, loads a known
 * session (`session/load`, else `session/resume`); otherwise (or when neither works) starts a new one.
 */
export async function openSession(agent: ThreadAgent, cwd: string, knownSessionId: string | undefined, onNotice: (message: string) => void): Promise<OpenedSession> {
  const { connection, initialize } = agent.process;
  const capabilities = initialize.agentCapabilities ?? {};
  if (agent.sessionId && agent.sessionId === knownSessionId) return { sessionId: agent.sessionId, how: 'reuse', configOptions: [] };
  if (knownSessionId) {
    const attempts: Array<['load' | 'resume', boolean]> = [['load', capabilities.loadSession === true], ['resume', Boolean(capabilities.sessionCapabilities?.resume)]];
    for (const [how, offered] of attempts) {
      if (!offered) continue;
      try {
        const method = how === 'load' ? 'session/load' : 'session/resume';
        const response = await connection.agent.request(method, { sessionId: knownSessionId, cwd, mcpServers: [] });
        agent.sessionId = knownSessionId;
        return { sessionId: knownSessionId, how, modes: response?.modes, configOptions: response?.configOptions ?? [] };
      } catch (error) {
        onNotice(`session/${how} of ${knownSessionId} failed: ${(error as Error).message}`);
      }
    }
    onNotice('The previous agent session could not be restored; starting a new session.');
  }
  const created = await connection.agent.request('session/new', { cwd, mcpServers: [] });
  agent.sessionId = created.sessionId;
  return { sessionId: created.sessionId, how: 'new', modes: created.modes, configOptions: created.configOptions ?? [] };
}
