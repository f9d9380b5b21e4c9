import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { CallerIdentity, HostCallRequest } from './messages.js';
import { CLUSTER_TIMINGS } from './subjects.js';

/**
 * The key the front hub signs callers with and hosts check them with, derived from the cluster's
 * shared `secret.key` (the same file in every process's data dir: it also decrypts credentials),
 * so there is no second secret to distribute.
 */
export function deriveCallerSigningKey(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'codex-chat cluster caller identity v1', 32));
}

// A fixed-order array, so both sides hash the same bytes whatever the JSON key order of the
// message. The params go in as a digest of their JSON: a parsed message stringifies back to the
// same text (both sides hold plain JSON values), so a changed param breaks the signature.
function signedBytes(hostId: string, method: string, params: Record<string, unknown>, caller: CallerIdentity): string {
  const project = typeof params.project === 'string' ? params.project : null;
  const paramsDigest = createHash('sha256').update(JSON.stringify(params)).digest('base64url');
  return JSON.stringify([1, hostId, method, project, paramsDigest, caller.accountId, caller.isAdmin, caller.clientId, caller.ip ?? null, caller.frontId, caller.issuedAt]);
}

/** The signature of a call to `hostId`: binds the caller to this host, method, project and params. */
export function signCall(key: Buffer, hostId: string, method: string, params: Record<string, unknown>, caller: CallerIdentity): string {
  return createHmac('sha256', key).update(signedBytes(hostId, method, params, caller)).digest('base64url');
}

/** Whether a call request arriving at `hostId` is signed by the front hub and fresh; the reason when not. */
export function verifyCall(key: Buffer, hostId: string, request: HostCallRequest, now = Date.now()): { ok: true } | { ok: false; reason: string } {
  const expected = Buffer.from(signCall(key, hostId, request.method, request.params, request.caller));
  const given = Buffer.from(request.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'caller signature does not verify' };
  const issued = Date.parse(request.caller.issuedAt);
  if (!Number.isFinite(issued) || Math.abs(now - issued) > CLUSTER_TIMINGS.signatureMaxAgeMs) return { ok: false, reason: 'caller identity expired' };
  return { ok: true };
}
