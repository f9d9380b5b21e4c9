import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCredentialCipher, CredentialDecryptError } from './credential-cipher.js';

const KEY = 'sk-proj-abcdefghijklmnop1234567890';

function decryptError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the decryption to be refused');
}

describe('credential cipher (AES-256-GCM)', () => {
  const cipher = createCredentialCipher(randomBytes(32));

  it('round-trips a key; each encryption has its own IV; the blob is version:iv:tag:ciphertext without the key', () => {
    const blob = cipher.encrypt(KEY, 'user:ann:codex');
    expect(blob.split(':')).toHaveLength(4);
    expect(blob.startsWith('v1:')).toBe(true);
    expect(blob).not.toContain(KEY);
    expect(cipher.encrypt(KEY, 'user:ann:codex')).not.toBe(blob);
    expect(cipher.decrypt(blob, 'user:ann:codex')).toBe(KEY);
  });

  it('refuses a blob under another secret key, with a message that names neither key nor blob', () => {
    const blob = cipher.encrypt(KEY, 'site:codex');
    const error = decryptError(() => createCredentialCipher(randomBytes(32)).decrypt(blob, 'site:codex'));
    expect(error).toBeInstanceOf(CredentialDecryptError);
    expect(error.message).toBe('A stored credential (site:codex) could not be decrypted: the secret.key is not the one it was saved with, or the stored value was changed.');
    expect(error.message).not.toContain(blob.split(':')[3]);
  });

  it('refuses a tampered ciphertext, a tampered tag, a blob moved to another row, and a malformed blob', () => {
    const blob = cipher.encrypt(KEY, 'user:ann:codex');
    const [version, iv, tag, text] = blob.split(':');
    const flipped = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    expect(() => cipher.decrypt([version, iv, tag, flipped(text)].join(':'), 'user:ann:codex')).toThrow(CredentialDecryptError);
    expect(() => cipher.decrypt([version, iv, flipped(tag), text].join(':'), 'user:ann:codex')).toThrow(CredentialDecryptError);
    expect(() => cipher.decrypt(blob, 'user:bo:codex')).toThrow(CredentialDecryptError);
    expect(() => cipher.decrypt(blob, 'site:codex')).toThrow(CredentialDecryptError);
    expect(() => cipher.decrypt('v2:a:b:c', 'site:codex')).toThrow('A stored credential (site:codex) is not a v1 blob.');
    expect(() => cipher.decrypt(`v1:${iv}:AA==:${text}`, 'site:codex')).toThrow('A stored credential (site:codex) is malformed.');
  });
});
