import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { SecretStore } from './types.js';

/** Secrets (API keys) in `<stateDir>/secrets.json`, mode 0600. Never sent to a client. */
export function createSecretStore(stateDir: string): SecretStore {
  const file = path.join(stateDir, 'secrets.json');
  let secrets: Record<string, string> = {};
  if (existsSync(file)) {
    // Tighten a file someone loosened by hand before reading secrets from it.
    chmodSync(file, 0o600);
    try {
      secrets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch (error) {
      console.error(`[hub] ${file} is unreadable; starting without stored secrets:`, (error as Error).message);
    }
  }
  let writing: Promise<void> = Promise.resolve();
  return {
    get: (name) => (typeof secrets[name] === 'string' ? secrets[name] : undefined),
    set(name, value) {
      secrets = { ...secrets, [name]: value };
      const snapshot = JSON.stringify(secrets, null, 2);
      const written = writing.then(async () => {
        await writeFileAtomic(file, snapshot, 0o600);
        chmodSync(file, 0o600);
      });
      // The caller sees this write's failure; later writes still run.
      writing = written.catch((error: unknown) => console.error('[hub] saving secrets failed:', error));
      return written;
    },
  };
}
