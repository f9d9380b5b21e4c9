// Every process of a cluster must hold the same secret.key (it decrypts credentials and signs
// callers). The first process to start stores a fingerprint of it in the settings table; a process
// with another key refuses to start, instead of failing every call later with "signature does not verify".
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../multiuser/db/index.js';
import { deriveCallerSigningKey } from './caller-signature.js';

/** The settings row of the fingerprint (never read as hub settings: those are under key 'hub'). */
export const CLUSTER_KEY_CHECK_SETTING = 'cluster_key_check';

type StoredCheck = { fingerprint: string; storedBy: string; storedAt: string };

export class ClusterKeyMismatchError extends Error {}

/** sha256(signing key || 'check'): tells keys apart, reveals nothing of the key or of the signing key. */
function fingerprintOf(secretKey: Buffer): string {
  return createHash('sha256').update(deriveCallerSigningKey(secretKey)).update('check').digest('hex');
}

export type ClusterKeyCheckOptions = {
  /** Who is checking, for the message of a later mismatch ("front", "host h1"). */
  process: string;
  /** This process's secret.key file, for the message. */
  keyFile: string;
};

/**
 * Stores the fingerprint of `secretKey` at the first call of the cluster ('stored'); later calls
 * with the same key answer 'matches', with another key throw ClusterKeyMismatchError.
 */
export async function checkClusterKey(db: Queryable, secretKey: Buffer, options: ClusterKeyCheckOptions): Promise<'stored' | 'matches'> {
  const mine: StoredCheck = { fingerprint: fingerprintOf(secretKey), storedBy: options.process, storedAt: new Date().toISOString() };
  // One statement: of two processes starting at once, one stores and the other compares.
  const inserted = await db.query(`insert into settings (key, value) values ($1, $2::jsonb) on conflict (key) do nothing returning key`, [CLUSTER_KEY_CHECK_SETTING, JSON.stringify(mine)]);
  if (inserted.length > 0) return 'stored';
  const [row] = await db.query<{ value: Partial<StoredCheck> }>(`select value from settings where key = $1`, [CLUSTER_KEY_CHECK_SETTING]);
  const stored = row?.value ?? {};
  const expected = Buffer.from(typeof stored.fingerprint === 'string' ? stored.fingerprint : '');
  const given = Buffer.from(mine.fingerprint);
  if (expected.length === given.length && timingSafeEqual(expected, given)) return 'matches';
  const origin = stored.storedBy ? `the --data dir of the cluster's ${stored.storedBy} process (which set the cluster's key at ${stored.storedAt ?? 'its first start'})` : "the --data dir of the cluster's other processes";
  throw new ClusterKeyMismatchError(`this process's secret.key (${options.keyFile}) is not the cluster's: copy secret.key from ${origin} into this process's --data dir (mode 0600), then start it again`);
}
