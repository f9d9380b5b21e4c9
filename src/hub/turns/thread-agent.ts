import path from 'node:path';
import type { SessionConfigOption, SessionModeState } from '@agentclientprotocol/sdk';
import type { ForkSessionRequest, ForkSessionResponse } from '@agentclientprotocol/sdk/unstable';
import type { AgentDefinition } from '../../agents/index.js';
import type { AcpConfig } from '../../protocol/index.js';
import type { AcpClientHandlers } from './acp-connection.js';
import { startAgentProcess, type AgentProcess } from './agent-process.js';

/** A thread's agent process, the session open in it, and what the agent last reported about that session. */
export type ThreadAgent = {
  agentId: string;
  process: AgentProcess;
  sessionId?: string;
  /** Config options and modes after the last config change (what a reused session reports). */
  configOptions?: SessionConfigOption[];
  modes?: SessionModeState | null;
  /** Epoch ms of the last turn or option change (least recently used agents are stopped first). */
  lastUsedAt: number;
};

/** The session a turn runs in, with what the agent reported about it. */
export type OpenedSession = { sessionId: string; how: 'new' | 'load' | 'resume' | 'reuse' | 'fork'; modes?: SessionModeState | null; configOptions: SessionConfigOption[] };

/** Which session a turn wants: the thread's own, or (first turn of a fork) the one to fork from. */
export type WantedSession = { sessionId?: string; forkFromSessionId?: string };

/** Hub variables the agent must not see (an agent runs model-chosen commands). */
const HUB_ONLY_ENV = /^CODEX_CHAT_/;

/** The agent's environment: the hub's (minus its own secrets), the thread's home and the stored API key (never argv). */
export function agentEnvironment(definition: AgentDefinition, config: AcpConfig, apiKey: string | undefined, stateDir: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !HUB_ONLY_ENV.test(name));
  const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), CODEX_CHAT_DEMO_STATE: path.join(stateDir, 'demo-sessions') };
  if (config.envHome) Object.assign(env, definition.homeEnv?.(config.envHome) ?? { HOME: config.envHome });
  if (config.envPath) env.PATH = config.envPath;
  if (apiKey && definition.apiKeyEnv) env[definition.apiKeyEnv] = apiKey;
  return env;
}

/** Starts the agent process of a thread. */
export async function launchThreadAgent(definition: AgentDefinition, cwd: string, env: NodeJS.ProcessEnv, handlers: AcpClientHandlers): Promise<ThreadAgent> {
  const launch = definition.resolveLaunch();
  if (!launch) throw new Error(`The agent "${definition.label}" is not installed.`);
  return { agentId: definition.id, process: await startAgentProcess(launch, { cwd, env }, handlers), lastUsedAt: Date.now() };
}

/** Whether the agent advertises the (unstable) ACP `session/fork`. */
export function canForkSessions(agent: ThreadAgent): boolean {
  const capabilities = agent.process.initialize.agentCapabilities?.sessionCapabilities as { fork?: unknown } | null | undefined;
  return capabilities?.fork != null;
}

/**
 * Opens the thread's session: reuses the one of a live process; in a fresh process, loads a known
 * session (`session/load`, else `session/resume`); for the first turn of a fork, forks the source
 * session (`session/fork`) when the agent offers it; otherwise (or when none works) starts a new one.
 */
export async function openSession(agent: ThreadAgent, cwd: string, wanted: WantedSession, onNotice: (message: string) => void): Promise<OpenedSession> {
  const { connection, initialize } = agent.process;
  const capabilities = initialize.agentCapabilities ?? {};
  const knownSessionId = wanted.sessionId;
  if (agent.sessionId && agent.sessionId === knownSessionId) return { sessionId: agent.sessionId, how: 'reuse', modes: agent.modes, configOptions: agent.configOptions ?? [] };
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
  } else if (wanted.forkFromSessionId && canForkSessions(agent)) {
    try {
      const forked = await connection.agent.request<ForkSessionResponse, ForkSessionRequest>('session/fork', { sessionId: wanted.forkFromSessionId, cwd, mcpServers: [] });
      agent.sessionId = forked.sessionId;
      return { sessionId: forked.sessionId, how: 'fork', modes: forked.modes, configOptions: forked.configOptions ?? [] };
    } catch (error) {
      onNotice(`session/fork of ${wanted.forkFromSessionId} failed (${(error as Error).message}); the new session is primed with the transcript instead.`);
    }
  }
  const created = await connection.agent.request('session/new', { cwd, mcpServers: [] });
  agent.sessionId = created.sessionId;
  return { sessionId: created.sessionId, how: 'new', modes: created.modes, configOptions: created.configOptions ?? [] };
}
