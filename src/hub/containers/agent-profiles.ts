// What each agent needs to run inside a project container (everything else of the agent stays in
// its adapter, src/agents/adapters/).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { CONTAINER_HOME } from './container-settings.js';
import type { OutboundRewrite } from './path-translation.js';

/** How one agent runs in a container. */
export type ContainerAgentProfile = {
  /** Variables of the agent inside (never a secret: they are on the podman command line). */
  env: Record<string, string>;
  /** The entry script's profile (`codex`: a tmpfs CODEX_HOME with auth.json). */
  entry: '' | 'codex';
  /** Rewrites of the hub's messages (codex: its unsandboxed mode, the key with `authenticate`). */
  rewrite?(apiKey: string | undefined): OutboundRewrite;
  /** Copies the agent's host configuration it needs into the project's agent home. */
  prepareHome?(hostEnv: NodeJS.ProcessEnv, agentHome: string): void;
};

const CODEX_UNSANDBOXED_MODE = 'agent-full-access';

/**
 * Codex's own sandbox (bubblewrap) cannot start in a container without capabilities and makes no
 * sense there: every mode change asks for its full-access mode, and the container's mounts enforce
 * the thread's mode. The API key goes with `authenticate` (codex-acp reads `_meta["api-key"]`),
 * because inside the key is in no environment variable.
 */
function codexRewrite(apiKey: string | undefined): OutboundRewrite {
  return (message) => {
    const params = message.params as Record<string, unknown> | undefined;
    if (!params) return message;
    if (message.method === 'session/set_config_option' && params.configId === 'mode') return { ...message, params: { ...params, value: CODEX_UNSANDBOXED_MODE } };
    if (message.method === 'session/set_mode') return { ...message, params: { ...params, modeId: CODEX_UNSANDBOXED_MODE } };
    if (message.method === 'authenticate' && params.methodId === 'api-key' && apiKey) return { ...message, params: { ...params, _meta: { 'api-key': { apiKey } } } };
    return message;
  };
}

/** The codex config.toml the thread would use on the host (its model provider), copied into the project's agent home. */
function copyCodexConfig(hostEnv: NodeJS.ProcessEnv, agentHome: string): void {
  const hostHome = hostEnv.CODEX_HOME ?? (hostEnv.HOME ? path.join(hostEnv.HOME, '.codex') : undefined);
  const source = hostHome ? path.join(hostHome, 'config.toml') : undefined;
  mkdirSync(path.join(agentHome, '.codex'), { recursive: true, mode: 0o700 });
  if (source && existsSync(source)) copyFileSync(source, path.join(agentHome, '.codex', 'config.toml'));
}

const PROFILES: Record<string, ContainerAgentProfile> = {
  // INITIAL_AGENT_MODE: codex-acp's mode before any mode change (a thread without a mode sends none).
  codex: { env: { INITIAL_AGENT_MODE: CODEX_UNSANDBOXED_MODE }, entry: 'codex', rewrite: codexRewrite, prepareHome: copyCodexConfig },
  demo: { env: { CODEX_CHAT_DEMO_STATE: `${CONTAINER_HOME}/demo-sessions` }, entry: '' },
  // claude-agent-acp refuses to skip permission prompts as root unless told it is sandboxed: it is.
  claude: { env: { CLAUDE_CONFIG_DIR: `${CONTAINER_HOME}/.claude`, IS_SANDBOX: '1' }, entry: '' },
  gemini: { env: {}, entry: '' },
};

/** The profile of an agent (a plain one for agents without their own). */
export function containerAgentProfile(agentId: string): ContainerAgentProfile {
  return PROFILES[agentId] ?? { env: {}, entry: '' };
}
