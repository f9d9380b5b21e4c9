import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveCallerSigningKey, signCall, verifyCall } from './caller-signature.js';
import type { HostCallRequest } from './messages.js';

const key = deriveCallerSigningKey(randomBytes(32));
const now = Date.parse('2026-12-01T12:00:00.000Z');
const caller = { accountId: 'acc-ann', isAdmin: false, clientId: 'c1', ip: '127.0.0.1', frontId: 'f1', issuedAt: new Date(now).toISOString() };

/** A request as the host receives it: through JSON, like a NATS message. */
function signed(params: Record<string, unknown>, hostId = 'h1', signingKey = key): HostCallRequest {
  const request: HostCallRequest = { v: 1, method: 'turn.send', params, caller, signature: signCall(signingKey, hostId, 'turn.send', params, caller) };
  return JSON.parse(JSON.stringify(request)) as HostCallRequest;
}

describe('caller signature', () => {
  const params = { project: 'alpha', path: 'a.chat', threadKey: 't1', 2: 'integer-like keys reorder', nested: { b: 1, a: [1, 'x'] } };

  it('verifies a call signed for this host, after a JSON round trip', () => {
    expect(verifyCall(key, 'h1', signed(params), now)).toEqual({ ok: true });
  });

  it('refuses a call whose params, method, project or caller changed after signing', () => {
    const changedParam = signed(params);
    changedParam.params.path = 'b.chat';
    const changedProject = signed(params);
    changedProject.params.project = 'beta';
    const changedMethod = { ...signed(params), method: 'chat.set' };
    const changedCaller = signed(params);
    changedCaller.caller.accountId = 'acc-bo';
    for (const request of [changedParam, changedProject, changedMethod, changedCaller]) {
      expect(verifyCall(key, 'h1', request, now)).toEqual({ ok: false, reason: 'caller signature does not verify' });
    }
  });

  it('refuses a call signed for another host or with another key', () => {
    expect(verifyCall(key, 'h1', signed(params, 'h2'), now).ok).toBe(false);
    expect(verifyCall(key, 'h1', signed(params, 'h1', deriveCallerSigningKey(randomBytes(32))), now).ok).toBe(false);
  });

  it('refuses an identity older or newer than a minute', () => {
    expect(verifyCall(key, 'h1', signed(params), now + 61_000)).toEqual({ ok: false, reason: 'caller identity expired' });
    expect(verifyCall(key, 'h1', signed(params), now - 61_000)).toEqual({ ok: false, reason: 'caller identity expired' });
    expect(verifyCall(key, 'h1', signed(params), now + 59_000)).toEqual({ ok: true });
  });
});
