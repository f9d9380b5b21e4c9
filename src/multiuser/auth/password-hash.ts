import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createGate } from './hash-gate.js';

/** Shorter passwords are refused when set (a one-time link's "set your password"). */
export const MIN_PASSWORD_CHARS = 10;
/** Longer ones are refused too: a 1 MB "password" is a way to make the hub hash a megabyte. */
export const MAX_PASSWORD_CHARS = 512;

// scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB, ~0.1 s a hash on one core here). Stored in each
// hash, so raising them later still verifies old hashes.
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';
// Two of libuv's four threads at most; 64 logins may wait, more get HashQueueFullError.
const gate = createGate(2, 64);

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // maxmem: scrypt needs 128 * N * r bytes; node's default cap (32 MiB) is just below that.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return gate(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

/** Why a new password is not acceptable, or undefined when it is. */
export function newPasswordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_CHARS) return `The password must have at least ${MIN_PASSWORD_CHARS} characters.`;
  if (password.length > MAX_PASSWORD_CHARS) return `The password must have at most ${MAX_PASSWORD_CHARS} characters.`;
  return undefined;
}

/** `scrypt$N$r$p$salt$key` (salt and key base64url): the cost and salt travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return [PREFIX, COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The parts of a stored hash; undefined when it is not one of ours (then nothing verifies against it). */
function parseHash(stored: string) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  // Bounds keep a corrupted row from asking for gigabytes of scrypt memory.
  const valid = Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
  if (!valid) return undefined;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length === 0 || key.length !== KEY_BYTES) return undefined;
  return { cost: { N, r, p }, salt, key };
}

/** Whether `password` matches `stored` (compared in constant time); false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || password.length > MAX_PASSWORD_CHARS) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification on nothing, so an unknown email or an account without a
 * password answers as slowly as a wrong password (no timing oracle for which emails exist).
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not the password of any account');
  await verifyPassword(password.slice(0, MAX_PASSWORD_CHARS), await dummyHash);
  return false;
}
