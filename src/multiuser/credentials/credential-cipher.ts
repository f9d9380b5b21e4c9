import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SECRET_KEY_BYTES } from './secret-key.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored credential could not be decrypted: another secret.key, or the blob was changed. */
export class CredentialDecryptError extends Error {
  override name = 'CredentialDecryptError';
}

/** Encrypts credentials for the database and back; `context` names the row, so a blob copied to another row is refused. */
export type CredentialCipher = {
  encrypt(plainText: string, context: string): string;
  decrypt(blob: string, context: string): string;
};

/**
 * AES-256-GCM with the hub's secret key. A blob is `v1:<iv>:<tag>:<ciphertext>` (base64 each), with a
 * fresh 96-bit IV per encryption. The row's context (`user:<account>:<agent>`, `site:<agent>`) is
 * the additional authenticated data: someone who can write the database cannot move one
 * account's key to another account or to the site.
 */
export function createCredentialCipher(key: Buffer): CredentialCipher {
  if (key.length !== SECRET_KEY_BYTES) throw new Error(`The credential key must be ${SECRET_KEY_BYTES} bytes.`);
  return {
    encrypt(plainText, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const cipherText = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), cipherText.toString('base64')].join(':');
    },
    decrypt(blob, context) {
      const parts = blob.split(':');
      if (parts.length !== 4 || parts[0] !== VERSION) throw new CredentialDecryptError(`A stored credential (${context}) is not a ${VERSION} blob.`);
      const [iv, tag, cipherText] = parts.slice(1).map((part) => Buffer.from(part, 'base64'));
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new CredentialDecryptError(`A stored credential (${context}) is malformed.`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(cipherText), decipher.final()]).toString('utf8');
      } catch {
        // The reason (authentication failed) says nothing more; the blob and key stay out of the message.
        throw new CredentialDecryptError(`A stored credential (${context}) could not be decrypted: the secret.key is not the one it was saved with, or the stored value was changed.`);
      }
    },
  };
}
