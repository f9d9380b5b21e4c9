import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bytes of the AES-256-GCM key in `<data>/secret.key`. */
export const SECRET_KEY_BYTES = 32;

/** The hub's secret file cannot be used: the hub must not start (the message says what to do). */
export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/** Path of the secret file of a data directory. */
export function secretKeyPath(dataDir: string): string {
  return path.join(dataDir, 'secret.key');
}

function createSecretKey(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // 'wx': never overwrite a key another process wrote meanwhile (that would orphan its encrypted rows).
  try {
    writeFileSync(file, randomBytes(SECRET_KEY_BYTES), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new SecretKeyError(`${file} could not be created: ${(error as Error).message}`);
  }
}

/**
 * The key that encrypts agent credentials at rest, from `<data>/secret.key` (created with 32 random
 * bytes, mode 0600, when missing). Refuses a file others can read or write (a key that may have been
 * seen is not a secret any more: the admin decides, with `chmod 600`), one that cannot be read, or
 * one of the wrong size. Never logs or returns anything about the key's bytes.
 */
export function loadSecretKey(dataDir: string): Buffer {
  const file = secretKeyPath(dataDir);
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new SecretKeyError(`${file} cannot be read: ${(error as Error).message}`);
    createSecretKey(file);
    mode = statSync(file).mode;
  }
  if ((mode & 0o077) !== 0) {
    throw new SecretKeyError(`${file} has mode ${(mode & 0o777).toString(8)}: it must be readable by the hub's user only (run chmod 600 ${file}).`);
  }
  let key: Buffer;
  try {
    key = readFileSync(file);
  } catch (error) {
    throw new SecretKeyError(`${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (key.length !== SECRET_KEY_BYTES) throw new SecretKeyError(`${file} holds ${key.length} bytes, not ${SECRET_KEY_BYTES}: it is not a secret key of this hub.`);
  return key;
}
