import { RequestError, TimeoutError, type NatsConnection } from '@nats-io/transport-node';
import { AcpApiError } from '../../acp-api/index.js';
import type { ClientContext } from '../../hub/types.js';
import { ACP_API_ERROR_CODES } from '../../protocol/index.js';
import { signCall } from '../caller-signature.js';
import { encodeClusterMessage, HostCallReply, parseClusterMessage, type CallerIdentity, type HostCallRequest } from '../messages.js';
import { CLUSTER_SUBJECTS, CLUSTER_TIMINGS } from '../subjects.js';
import { hostUnavailableReason, type HostAvailability } from './host-availability.js';

/** Sends one call to a project host and answers with its result, or throws its error. */
export type HostCaller = (hostId: string, method: string, params: Record<string, unknown>, context: ClientContext) => Promise<unknown>;

export function hostUnavailable(hostId: string, detail = ''): AcpApiError {
  return new AcpApiError(ACP_API_ERROR_CODES.hostUnavailable, `${hostUnavailableReason(hostId)}${detail}`);
}

/**
 * The front hub's side of a host call: the caller's identity signed for this host, method and
 * project, sent as a NATS request to the host's call subject; the host's error comes back with its
 * code, message and data. A host known unavailable fails at once; "no responders" fails at once and
 * marks it unavailable; no answer in `timeoutMs` fails with that said.
 */
export function createHostCaller(deps: { nc: NatsConnection; signingKey: Buffer; frontId: string; availability: HostAvailability; timeoutMs?: number }): HostCaller {
  const timeoutMs = deps.timeoutMs ?? CLUSTER_TIMINGS.callTimeoutMs;
  return async (hostId, method, params, context) => {
    if (deps.availability.isUnavailable(hostId)) throw hostUnavailable(hostId);
    const caller: CallerIdentity = {
      accountId: context.accountId,
      isAdmin: context.isAdmin,
      clientId: context.clientId,
      ...(context.ip !== undefined ? { ip: context.ip } : {}),
      frontId: deps.frontId,
      issuedAt: new Date().toISOString(),
    };
    const request: HostCallRequest = { v: 1, method, params, caller, signature: signCall(deps.signingKey, hostId, method, params, caller) };
    let data: Uint8Array;
    let stopWaiting = () => undefined as void;
    // A host seen gone (heartbeats stopped, NATS down) fails its calls in flight at once.
    const gone = new Promise<never>((_resolve, reject) => {
      stopWaiting = deps.availability.onGone(hostId, () => reject(hostUnavailable(hostId)));
    });
    try {
      const requested = deps.nc.request(CLUSTER_SUBJECTS.hostCall(hostId), encodeClusterMessage(request), { timeout: timeoutMs });
      data = (await Promise.race([requested, gone])).data;
    } catch (error) {
      if (AcpApiError.isInstance(error)) throw error;
      if (error instanceof TimeoutError) throw hostUnavailable(hostId, ` (no answer in ${Math.round(timeoutMs / 1000)} s)`);
      if (error instanceof RequestError && error.isNoResponders()) deps.availability.noResponders(hostId);
      else console.warn(`[front] call ${method} to host ${hostId} failed: ${(error as Error).message}`);
      throw hostUnavailable(hostId);
    } finally {
      stopWaiting();
    }
    const reply = parseClusterMessage(HostCallReply, data, `reply of host ${hostId}`);
    if (!reply) throw new AcpApiError(ACP_API_ERROR_CODES.internal, `project host ${hostId} sent an unreadable answer to ${method}`);
    if (!reply.ok) throw new AcpApiError(reply.error.code, reply.error.message, { data: reply.error.data });
    return reply.result;
  };
}
