import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The single local user's account id: stable across restarts, kept in `<stateDir>/account.json`. */
export function loadAccountId(stateDir: string): string {
  const file = path.join(stateDir, 'account.json');
  if (existsSync(file)) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { accountId?: unknown };
      if (typeof stored.accountId === 'string' && stored.accountId !== '') return stored.accountId;
    } catch (error) {
      console.error(`[hub] ${file} is unreadable; creating a new account id:`, (error as Error).message);
    }
  }
  const accountId = randomUUID();
  writeFileSync(file, JSON.stringify({ accountId }), { mode: 0o600 });
  return accountId;
}
