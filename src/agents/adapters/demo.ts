import path from 'node:path';
import type { AgentDefinition, AgentLaunch } from '../agent-definition.js';
import { PROJECT_ROOT, readAcpUsage } from '../find-program.js';

/**
 * The demo agent runs with the same Node as the hub. The compiled hub (npm run build bundles this
 * file into dist/hub/*.js) runs the compiled agent, dist/hub/demo-agent.js, with no tsx (a
 * package install has none); the hub from sources (tsx, vitest) runs src/agents/demo/main.ts
 * through tsx.
 */
function demoLaunch(): AgentLaunch {
  if (import.meta.url.endsWith('.js')) return { command: process.execPath, args: [path.join(PROJECT_ROOT, 'dist', 'hub', 'demo-agent.js')] };
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
