import path from 'node:path';
import { CODEX_MODE_IDS } from '../../protocol/index.js';
import type { AgentDefinition } from '../agent-definition.js';
import { codexSandboxEnvironment, codexSandboxStatus } from '../codex-sandbox.js';
import { programLaunch, readAcpUsage } from '../find-program.js';

/**
 * Codex through codex-acp. Its configuration (model provider, sign-in) is the user's `~/.codex`,
 * or `<envHome>/.codex` when the thread sets a HOME.
 */
export const codexAgent: AgentDefinition = {
  id: 'codex',
  label: 'Codex',
  demo: false,
  resolveLaunch: programLaunch('codex-acp'),
  package: { name: '@agentclientprotocol/codex-acp', version: '2.6.0', bin: 'codex-acp' },
  apiKeyEnv: 'OPENAI_API_KEY',
  modeIds: CODEX_MODE_IDS,
  prepareEnvironment: ({ envHome, stateDir }): Record<string, string> => ({ ...codexSandboxEnvironment(stateDir), ...(envHome ? { HOME: envHome, CODEX_HOME: path.join(envHome, '.codex') } : {}) }),
  readTokens: readAcpUsage,
  sandbox: codexSandboxStatus,
};
