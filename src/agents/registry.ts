import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODEX_MODE_IDS, type SessionMode } from '../protocol/index.js';

/** How to start an agent: a program and its arguments (secrets never go here; they go in env). */
export type AgentLaunch = { command: string; args: string[] };

/** A known agent: how to find and start it, and how our settings map onto it. */
export type AgentDefinition = {
  id: string;
  label: string;
  demo: boolean;
  /** The launch command when the agent is installed, else undefined. */
  resolveLaunch(): AgentLaunch | undefined;
  /** Environment variable an API key goes into (`agents.authenticate` with an api-key method). */
  apiKeyEnv?: string;
  /** The agent's own mode ids for our three execution modes. */
  modeIds: Record<SessionMode, string>;
  /** Extra environment derived from the thread's `envHome` (e.g. CODEX_HOME). */
  homeEnv?: (envHome: string) => Record<string, string>;
};

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false; // not there or not executable: the agent is "not installed"
  }
}

/** Finds a program in the project's node_modules/.bin, then on PATH. */
export function findProgram(name: string): string | undefined {
  const folders = [path.join(PROJECT_ROOT, 'node_modules', '.bin'), ...(process.env.PATH ?? '').split(path.delimiter)];
  return folders.filter(Boolean).map((folder) => path.join(folder, name)).find(isExecutable);
}

function programLaunch(name: string, args: string[] = []): () => AgentLaunch | undefined {
  return () => {
    const command = findProgram(name);
    return command ? { command, args } : undefined;
  };
}

const SAME_MODE_IDS: Record<SessionMode, string> = { 'read-only': 'read-only', 'workspace-write': 'workspace-write', 'full-access': 'full-access' };

/** The demo agent runs from source through tsx, with the same Node as the hub. */
function demoLaunch(): AgentLaunch {
  const tsxLoader = import.meta.resolve('tsx');
  return { command: process.execPath, args: ['--import', tsxLoader, path.join(PROJECT_ROOT, 'src', 'agents', 'demo', 'main.ts')] };
}

/** Every agent codex-chat knows, the demo first. */
export const AGENT_DEFINITIONS: AgentDefinition[] = [
  { id: 'demo', label: 'Demo', demo: true, resolveLaunch: demoLaunch, modeIds: SAME_MODE_IDS },
  {
    id: 'codex',
    label: 'Codex',
    demo: false,
    resolveLaunch: programLaunch('codex-acp'),
    apiKeyEnv: 'OPENAI_API_KEY',
    modeIds: CODEX_MODE_IDS,
    homeEnv: (envHome) => ({ HOME: envHome, CODEX_HOME: path.join(envHome, '.codex') }),
  },
  {
    id: 'claude',
    label: 'Claude',
    demo: false,
    resolveLaunch: programLaunch('claude-agent-acp'),
    apiKeyEnv: 'ANTHROPIC_API_KEY',
    modeIds: { 'read-only': 'plan', 'workspace-write': 'acceptEdits', 'full-access': 'bypassPermissions' },
  },
  { id: 'gemini', label: 'Gemini', demo: false, resolveLaunch: programLaunch('gemini', ['--acp']), apiKeyEnv: 'GEMINI_API_KEY', modeIds: SAME_MODE_IDS },
];

/** The definition of an agent id, or undefined. */
export function findAgentDefinition(id: string): AgentDefinition | undefined {
  return AGENT_DEFINITIONS.find((definition) => definition.id === id);
}
