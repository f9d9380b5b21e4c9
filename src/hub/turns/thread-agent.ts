import type { AgentDefinition } from '../../agents/index.js';
import type { AcpConfig, SessionMode } from '../../protocol/index.js';
import type { AcpClientHandlers } from './acp-connection.js';
import { AgentConnection, type SessionModels, type SessionResult } from './agent-connection.js';
import { isAgentError } from './agent-errors.js';
import { hostAgentLauncher, type AgentLauncher, type AgentProcess } from './agent-process.js';
import type { SessionConfigOption, SessionModeState } from '@agentclientprotocol/sdk';

/** A thread's agent process, the session open in it, and what the agent last reported about that session. */
export type ThreadAgent = {
  agentId: string;
  process: AgentProcess;
  /** Every ACP request to the agent goes through this. */
  connection: AgentConnection;
  sessionId?: string;
  /** Config options, modes and models after the last config change (what a reused session reports). */
  configOptions?: SessionConfigOption[];
  modes?: SessionModeState | null;
  models?: SessionModels | null;
  /** Epoch ms of the last turn or option change (least recently used agents are stopped first). */
  lastUsedAt: number;
  /** Which API key the process was started with (a hash, see keyFingerprint; '' for none): a turn with another key restarts it. */
  keyFingerprint?: string;
};

/** The session a turn runs in, with what the agent reported about it. */
export type OpenedSession = SessionResult & { how: 'new' | 'load' | 'resume' | 'reuse' | 'fork' };

/** Which session a turn wants: the thread's own, or (first turn of a fork) the one to fork from. */
export type WantedSession = { sessionId?: string; forkFromSessionId?: string };

/** Hub variables the agent must not see (an agent runs model-chosen commands). */
const HUB_ONLY_ENV = /^CODEX_CHAT_/;

/**
 * The agent's environment: the hub's (minus its own variables), what the agent's adapter adds
 * (config isolation in the state dir, the thread's home), the thread's PATH and the stored API key
 * (in the environment, never argv).
 */
export function agentEnvironment(definition: AgentDefinition, config: AcpConfig, apiKey: string | undefined, stateDir: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !HUB_ONLY_ENV.test(name));
  const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), ...definition.prepareEnvironment({ stateDir, envHome: config.envHome || undefined }) };
  if (config.envPath) env.PATH = config.envPath;
  if (apiKey && definition.apiKeyEnv) env[definition.apiKeyEnv] = apiKey;
  return env;
}

/** Starts the agent process of a thread. */
export async function launchThreadAgent(
  definition: AgentDefinition,
  cwd: string,
  env: NodeJS.ProcessEnv,
  stateDir: string,
  handlers: AcpClientHandlers,
  placement: { launcher?: AgentLauncher; mode?: SessionMode } = {},
): Promise<ThreadAgent> {
  const launch = definition.resolveLaunch(stateDir);
  if (!launch) throw new Error(`The agent "${definition.label}" is not installed (codex-chat agents install ${definition.id}).`);
  const launcher = placement.launcher ?? hostAgentLauncher;
  const agentProcess = await launcher.start(launch, { cwd, env, agentId: definition.id, mode: placement.mode, apiKeyEnv: definition.apiKeyEnv }, handlers);
  return { agentId: definition.id, process: agentProcess, connection: new AgentConnection(agentProcess), lastUsedAt: Date.now() };
}

/**
 * Opens the thread's session: reuses the one of a live process; in a fresh process, loads a known
 * session (`session/load`, else `session/resume`); for the first turn of a fork, forks the source
 * session (`session/fork`) when the agent offers it; otherwise (or when none works) starts a new one.
 * A sign-in error is not a reason to try the next way: it ends the attempt at once.
 */
export async function openSession(agent: ThreadAgent, cwd: string, wanted: WantedSession, onNotice: (message: string) => void): Promise<OpenedSession> {
  const { connection } = agent;
  const knownSessionId = wanted.sessionId;
  if (agent.sessionId && agent.sessionId === knownSessionId) {
    return { sessionId: agent.sessionId, how: 'reuse', modes: agent.modes, configOptions: agent.configOptions ?? [], models: agent.models };
  }
  const opened = async (how: OpenedSession['how'], result: SessionResult): Promise<OpenedSession> => {
    agent.sessionId = result.sessionId;
    return { ...result, how };
  };
  if (knownSessionId) {
    const attempts: Array<['load' | 'resume', boolean, () => Promise<SessionResult>]> = [
      ['load', connection.supportsLoadSession(), () => connection.loadSession(knownSessionId, cwd)],
      ['resume', connection.supportsResume(), () => connection.resumeSession(knownSessionId, cwd)],
    ];
    for (const [how, offered, attempt] of attempts) {
      if (!offered) continue;
      try {
        return await opened(how, await attempt());
      } catch (error) {
        if (isAgentError(error, 'auth-required', 'agent-exited')) throw error;
        onNotice(`session/${how} of ${knownSessionId} failed: ${(error as Error).message}`);
      }
    }
    onNotice('The previous agent session could not be restored; starting a new session.');
  } else if (wanted.forkFromSessionId && connection.supportsFork()) {
    try {
      return await opened('fork', await connection.forkSession(wanted.forkFromSessionId, cwd));
    } catch (error) {
      if (isAgentError(error, 'auth-required', 'agent-exited')) throw error;
      onNotice(`session/fork of ${wanted.forkFromSessionId} failed (${(error as Error).message}); the new session is primed with the transcript instead.`);
    }
  }
  return opened('new', await connection.newSession(cwd));
}
