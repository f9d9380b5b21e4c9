import type { SessionMode } from '../protocol/index.js';

/** How to start an agent: a program and its arguments (secrets never go here; they go in env). */
export type AgentLaunch = { command: string; args: string[] };

/** What an adapter gets to build the agent's environment. */
export type AgentEnvContext = {
  /** The hub's state dir: each agent keeps its isolated config under `agents/<id>/` there. */
  stateDir: string;
  /** The thread's HOME override (`acp_config.envHome`), already checked by the hub. */
  envHome?: string;
};

/** The npm package that provides an agent, for `codex-chat agents install <id>`. */
export type AgentPackage = { name: string; version: string; bin: string };

/** Token counts of one turn, in the hub's names (the result event's `usage`). */
export type TurnTokenCounts = { inputTokens?: number; outputTokens?: number; totalTokens?: number; cachedReadTokens?: number; thoughtTokens?: number };

/**
 * A known agent: how to find and start it and how our settings map onto it. Everything particular
 * to one agent lives in its adapter (src/agents/adapters/), nowhere else in the hub.
 */
export type AgentDefinition = {
  id: string;
  label: string;
  demo: boolean;
  /** The launch command when the agent is installed (here, in `stateDir`'s installed agents, or on PATH), else undefined. */
  resolveLaunch(stateDir?: string): AgentLaunch | undefined;
  /** Where the agent comes from, when it can be installed on demand. */
  package?: AgentPackage;
  /** Environment variable an API key goes into (`agents.authenticate` with an api-key method). */
  apiKeyEnv?: string;
  /** The agent's own mode ids for our three execution modes. */
  modeIds: Record<SessionMode, string>;
  /** Variables the agent needs (config isolation in the state dir, flags); may create its folders. */
  prepareEnvironment(context: AgentEnvContext): Record<string, string>;
  /** The turn's token counts from the `session/prompt` result, or undefined when it reports none. */
  readTokens(result: unknown): TurnTokenCounts | undefined;
  /** Whether the agent's command sandbox can start here (probed; undefined until known or for no sandbox). */
  sandbox?(): { available: boolean; reason?: string } | undefined;
};
