import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecretKey, SecretKeyError, secretKeyPath } from './secret-key.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-secret-key-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadSecretKey', () => {
  it('creates <data>/secret.key with 32 random bytes, mode 0600, and reads the same key the next time', () => {
    const data = path.join(tempDir(), 'data');
    const key = loadSecretKey(data);
    expect(key).toHaveLength(32);
    expect(statSync(secretKeyPath(data)).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(data).equals(key)).toBe(true);
    expect(readFileSync(secretKeyPath(data)).equals(key)).toBe(true);
    expect(loadSecretKey(tempDir()).equals(key)).toBe(false);
  });

  it('refuses a secret.key others may read, saying how to fix it (and never changes it)', () => {
    const data = tempDir();
    loadSecretKey(data);
    chmodSync(secretKeyPath(data), 0o644);
    expect(() => loadSecretKey(data)).toThrow(SecretKeyError);
    expect(() => loadSecretKey(data)).toThrow(`${secretKeyPath(data)} has mode 644: it must be readable by the hub's user only (run chmod 600 ${secretKeyPath(data)}).`);
    expect(statSync(secretKeyPath(data)).mode & 0o777).toBe(0o644);
  });

  it('refuses a secret.key it cannot read (here a folder) and one of the wrong size', () => {
    const unreadable = tempDir();
    mkdirSync(secretKeyPath(unreadable), { mode: 0o700 });
    expect(() => loadSecretKey(unreadable)).toThrow(`${secretKeyPath(unreadable)} cannot be read: EISDIR.`);
    const short = tempDir();
    writeFileSync(secretKeyPath(short), 'sixteen bytes!!!', { mode: 0o600 });
    expect(() => loadSecretKey(short)).toThrow(`${secretKeyPath(short)} holds 16 bytes, not 32: it is not a secret key of this hub.`);
  });
});
