import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AcpConfig } from '../../protocol/index.js';
import { resolveWorkspacePath } from '../workspace-paths.js';

function hasControlCharacter(value: string): boolean {
  return [...value].some((character) => character.charCodeAt(0) < 0x20);
}

function isInside(folder: string, target: string): boolean {
  return target === folder || target.startsWith(folder + path.sep);
}

/**
 * The agent's working directory: `acp_config.workingDirectory` relative to the workspace (blank = the
 * root), refused when it leaves the workspace (`..`, absolute, a symlink pointing out) or is no folder.
 */
export function resolveWorkingDirectory(root: string, workingDirectory: string | undefined): string {
  const requested = (workingDirectory ?? '').trim();
  if (requested === '' || requested === '.' || requested === './') return realpathSync(root);
  let absolute: string;
  try {
    absolute = resolveWorkspacePath(root, requested).absolute;
  } catch (error) {
    throw new Error(`The working directory is refused: ${(error as Error).message}`);
  }
  if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`The working directory ${JSON.stringify(requested)} is not a folder of the workspace.`);
  return absolute;
}

/**
 * Checks the thread's `envHome` and `envPath` before an agent starts with them. A HOME decides the
 * agent's configuration (for Codex: which model server gets the API key), so it must be an absolute
 * folder of the hub's user, not writable by others, and not inside the workspace (whose files come
 * from repositories and from the agent itself). PATH entries must be absolute: an empty or relative
 * entry would run programs from the workspace.
 */
export function checkAgentEnvironment(root: string, config: Pick<AcpConfig, 'envHome' | 'envPath'>): void {
  const home = config.envHome ?? '';
  if (home !== '') {
    const refuse = (why: string) => new Error(`HOME override ${JSON.stringify(home)} refused: ${why}.`);
    if (hasControlCharacter(home)) throw refuse('it contains control characters');
    if (!path.isAbsolute(home)) throw refuse('it must be an absolute path');
    let real: string;
    try {
      real = realpathSync(home);
    } catch {
      throw refuse('no such folder');
    }
    const info = statSync(real);
    if (!info.isDirectory()) throw refuse('it is not a folder');
    if (typeof process.getuid === 'function' && info.uid !== process.getuid()) throw refuse('it belongs to another user');
    if ((info.mode & 0o022) !== 0) throw refuse('other users may write to it');
    if (isInside(realpathSync(root), real)) throw refuse('it is inside the workspace, whose files would then configure the agent');
  }
  const searchPath = config.envPath ?? '';
  if (searchPath !== '') {
    if (hasControlCharacter(searchPath)) throw new Error('PATH override refused: it contains control characters.');
    const bad = searchPath.split(path.delimiter).filter((entry) => !path.isAbsolute(entry));
    if (bad.length > 0) throw new Error(`PATH override refused: every entry must be an absolute folder (not ${bad.map((entry) => JSON.stringify(entry)).join(', ')}).`);
  }
}
