import type { AgentDefinition } from '../agent-definition.js';
import { programLaunch, readAcpUsage } from '../find-program.js';
import { agentStateFolder, runsAsRoot } from './agent-home.js';

/** No update checks, telemetry, error reports or other traffic besides the model API. */
const QUIET = { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_TELEMETRY: '1', DISABLE_AUTOUPDATER: '1', DISABLE_ERROR_REPORTING: '1' };

/**
 * Claude Code through claude-agent-acp. Its config, home, temporary files and sockets live in
 * `<stateDir>/agents/claude/` (a thread's envHome replaces only HOME), so it reads no `~/.claude`
 * and leaves nothing behind. As root the CLI refuses to skip permission prompts unless IS_SANDBOX=1
 * (exactly "1"). Its modes: plan (read-only), acceptEdits, bypassPermissions; its default `auto`
 * sends each action to a classifier model first. Model and effort are config options (`model`,
 * `effort` with category thought_level), usage comes as usage_update with size and cost.
 */
export const claudeAgent: AgentDefinition = {
  id: 'claude',
  label: 'Claude',
  demo: false,
  resolveLaunch: programLaunch('claude-agent-acp'),
  package: { name: '@agentclientprotocol/claude-agent-acp', version: '0.101.0', bin: 'claude-agent-acp' },
  apiKeyEnv: 'ANTHROPIC_API_KEY',
  modeIds: { 'read-only': 'plan', 'workspace-write': 'acceptEdits', 'full-access': 'bypassPermissions' },
  prepareEnvironment: ({ stateDir, envHome }) => ({
    CLAUDE_CONFIG_DIR: agentStateFolder(stateDir, 'claude', 'config'),
    HOME: envHome ?? agentStateFolder(stateDir, 'claude', 'home'),
    CLAUDE_CODE_TMPDIR: agentStateFolder(stateDir, 'claude', 'tmp'),
    XDG_RUNTIME_DIR: agentStateFolder(stateDir, 'claude', 'run'),
    ...QUIET,
    ...(runsAsRoot() ? { IS_SANDBOX: '1' } : {}),
  }),
  readTokens: readAcpUsage,
};
