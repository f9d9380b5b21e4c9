import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentLaunch } from './agent-definition.js';

/** The project folder (src/agents/ is two levels down). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `codex-chat agents install` puts agent packages: `<stateDir>/agent-packages/node_modules/.bin`. */
export function installedAgentsBin(stateDir: string): string {
  return path.join(stateDir, 'agent-packages', 'node_modules', '.bin');
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false; // not there or not executable: the agent is "not installed"
  }
}

/**
 * Finds a program in the project's node_modules/.bin, then among the agents `codex-chat agents
 * install` put in the state dir, then on PATH.
 */
export function findProgram(name: string, stateDir?: string): string | undefined {
  const folders = [path.join(PROJECT_ROOT, 'node_modules', '.bin'), ...(stateDir ? [installedAgentsBin(stateDir)] : []), ...(process.env.PATH ?? '').split(path.delimiter)];
  return folders.filter(Boolean).map((folder) => path.join(folder, name)).find(isExecutable);
}

/** A resolveLaunch that finds `name` with findProgram. */
export function programLaunch(name: string, args: string[] = []): (stateDir?: string) => AgentLaunch | undefined {
  return (stateDir) => {
    const command = findProgram(name, stateDir);
    return command ? { command, args } : undefined;
  };
}

/** Token counts from a prompt result's standard ACP `usage` (codex-acp, claude-agent-acp, the demo). */
export function readAcpUsage(result: unknown): Record<string, number> | undefined {
  const usage = (result as { usage?: Record<string, unknown> } | null)?.usage;
  if (!usage || typeof usage !== 'object') return undefined;
  const counts = Object.fromEntries(Object.entries(usage).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  return Object.keys(counts).length > 0 ? counts : undefined;
}
