import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Creates (private to the hub's user) and returns `<stateDir>/agents/<agentId>/<...parts>`. */
export function agentStateFolder(stateDir: string, agentId: string, ...parts: string[]): string {
  const folder = path.join(stateDir, 'agents', agentId, ...parts);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

/** Whether the hub runs as root (some agents refuse to skip permission prompts as root unless told they are sandboxed). */
export function runsAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
