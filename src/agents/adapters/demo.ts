import path from 'node:path';
import type { AgentDefinition, AgentLaunch } from '../agent-definition.js';
import { PROJECT_ROOT, readAcpUsage } from '../find-program.js';

/** The demo agent runs from source through tsx, with the same Node as the hub. */
function demoLaunch(): AgentLaunch {
  const tsxLoader = import.meta.resolve('tsx');
  return { command: process.execPath, args: ['--import', tsxLoader, path.join(PROJECT_ROOT, 'src', 'agents', 'demo', 'main.ts')] };
}

/** The built-in offline demo agent: our own mode ids, sessions kept in the state dir. */
export const demoAgent: AgentDefinition = {
  id: 'demo',
  label: 'Demo',
  demo: true,
  resolveLaunch: demoLaunch,
  modeIds: { 'read-only': 'read-only', 'workspace-write': 'workspace-write', 'full-access': 'full-access' },
  prepareEnvironment: ({ stateDir, envHome }) => ({ CODEX_CHAT_DEMO_STATE: path.join(stateDir, 'demo-sessions'), ...(envHome ? { HOME: envHome } : {}) }),
  readTokens: readAcpUsage,
};
