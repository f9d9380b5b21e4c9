import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AgentDefinition, TurnTokenCounts } from '../agent-definition.js';
import { programLaunch } from '../find-program.js';
import { agentStateFolder } from './agent-home.js';

/**
 * Settings of the isolated Gemini home: no usage statistics (outside lookups), and the
 * non-interactive shell, the only one whose output reaches an ACP client.
 */
const SETTINGS = { privacy: { usageStatisticsEnabled: false }, tools: { shell: { enableInteractiveShell: false } } };

/** The isolated home `<stateDir>/agents/gemini/home` with its `.gemini/settings.json`. */
function geminiHome(stateDir: string): string {
  const home = agentStateFolder(stateDir, 'gemini', 'home');
  const settingsFolder = agentStateFolder(stateDir, 'gemini', 'home', '.gemini');
  writeFileSync(path.join(settingsFolder, 'settings.json'), `${JSON.stringify(SETTINGS, null, 2)}\n`, { mode: 0o600 });
  return home;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Gemini reports no ACP `usage`, only `_meta.quota.token_count` in snake_case. */
function readGeminiTokens(result: unknown): TurnTokenCounts | undefined {
  const tokens = (result as { _meta?: { quota?: { token_count?: Record<string, unknown> } } } | null)?._meta?.quota?.token_count;
  const inputTokens = count(tokens?.input_tokens);
  const outputTokens = count(tokens?.output_tokens);
  if (inputTokens === undefined && outputTokens === undefined) return undefined;
  return { inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0, totalTokens: (inputTokens ?? 0) + (outputTokens ?? 0) };
}

/**
 * Gemini CLI in ACP mode (`gemini --acp`). Its home is `<stateDir>/agents/gemini/home` (or the
 * thread's envHome, whose settings are then the user's own); the workspace is trusted so that the
 * autoEdit and yolo modes can be chosen. Modes: plan, autoEdit, yolo; models are switched with
 * `session/set_model`; there are no config options.
 */
export const geminiAgent: AgentDefinition = {
  id: 'gemini',
  label: 'Gemini',
  demo: false,
  resolveLaunch: programLaunch('gemini', ['--acp']),
  package: { name: '@google/gemini-cli', version: '0.61.0', bin: 'gemini' },
  apiKeyEnv: 'GEMINI_API_KEY',
  modeIds: { 'read-only': 'plan', 'workspace-write': 'autoEdit', 'full-access': 'yolo' },
  prepareEnvironment: ({ stateDir, envHome }) => {
    const home = envHome ?? geminiHome(stateDir);
    return { HOME: home, GEMINI_CLI_HOME: home, GEMINI_CLI_TRUST_WORKSPACE: 'true' };
  },
  readTokens: readGeminiTokens,
};
