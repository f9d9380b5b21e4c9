import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

type AccountFile = { accountId?: unknown; displayName?: unknown };

function readAccountFile(stateDir: string): AccountFile | undefined {
  const file = path.join(stateDir, 'account.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AccountFile;
  } catch (error) {
    console.error(`[hub] ${file} is unreadable:`, (error as Error).message);
    return undefined;
  }
}

/** The single local user's account id: stable across restarts, kept in `<stateDir>/account.json`. */
export function loadAccountId(stateDir: string): string {
  const stored = readAccountFile(stateDir);
  if (typeof stored?.accountId === 'string' && stored.accountId !== '') return stored.accountId;
  const accountId = randomUUID();
  writeFileSync(path.join(stateDir, 'account.json'), JSON.stringify({ accountId }), { mode: 0o600 });
  return accountId;
}

/** The name of the OS user running the hub: the local account's name until the user picks one. */
function osUserName(): string {
  try {
    return os.userInfo().username || 'Local user';
  } catch {
    return 'Local user'; // no passwd entry (some containers)
  }
}

/** The local account's display name: the one the user saved, else the OS user's name. */
export function readAccountName(stateDir: string): string {
  const stored = readAccountFile(stateDir)?.displayName;
  return typeof stored === 'string' && stored.trim() !== '' ? stored : osUserName();
}

/** Why `name` cannot be a display name, or undefined. */
export function accountNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'the name is empty';
  if (trimmed.length > 80) return 'the name is longer than 80 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'the name contains control characters';
  return undefined;
}

/** Saves the local account's display name beside its id (the id is kept). */
export async function writeAccountName(stateDir: string, name: string): Promise<string> {
  const accountId = loadAccountId(stateDir);
  const displayName = name.trim();
  await writeFileAtomic(path.join(stateDir, 'account.json'), JSON.stringify({ accountId, displayName }), 0o600);
  return displayName;
}
