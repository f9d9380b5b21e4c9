import type { Msg, NatsConnection } from '@nats-io/transport-node';
import { parseJsonRpcFrame } from '../../acp-api/index.js';
import type { ClientContext } from '../../hub/types.js';
import { ACP_API_ERROR_CODES } from '../../protocol/index.js';
import { verifyCall } from '../caller-signature.js';
import { encodeClusterMessage, HostCallRequest, parseClusterMessage, type HostCallReply } from '../messages.js';
import { CLUSTER_SUBJECTS, CLUSTER_TIMINGS } from '../subjects.js';
import type { ProjectAssignment } from './project-assignment.js';
import type { RemoteClients } from './remote-clients.js';

/** What the call server needs from the host. */
export type CallServerOptions = {
  nc: NatsConnection;
  hostId: string;
  /** deriveCallerSigningKey(secret.key): the front hub signs callers with it. */
  signingKey: Buffer;
  clients: RemoteClients;
  assignment: ProjectAssignment;
  /** Answers one JSON-RPC frame as the all-in-one's dispatcher does (router, scopes, scrubbing). */
  dispatch(text: string, context: ClientContext, reply: (text: string) => void): Promise<void>;
  /** A call refused before the router saw it (bad signature): the audit's 'refused' row. */
  refused(method: string, params: Record<string, unknown>, context: { accountId: string | null; ip?: string }, reason: string): void;
  /** How long `stop` waits for the calls being answered (default: the front's call timeout, after which it has given up on them). */
  stopWaitMs?: number;
};

const MAX_QUOTED = 100;

function errorReply(code: number, message: string): HostCallReply {
  return { ok: false, error: { code, message } };
}

/** A JSON-RPC answer frame of the dispatcher, as a HostCallReply. */
function replyOfFrame(text: string): HostCallReply {
  const parsed = parseJsonRpcFrame(text);
  if (parsed.kind !== 'response') return errorReply(ACP_API_ERROR_CODES.internal, 'the host could not answer this call (see its log)');
  const frame = parsed.frame as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
  return frame.error ? { ok: false, error: frame.error } : { ok: true, result: frame.result ?? {} };
}

/**
 * Serves `codex.host.<id>.call`: each request is parsed, its caller's signature checked (a bad one:
 * -32001, an audit row and a log line), its project checked to be assigned here (else -32007, so the
 * front hub re-reads the assignment), then answered by `dispatch` with the caller as the client.
 * No message, however bad, throws out of here.
 */
export function startCallServer(options: CallServerOptions): { stop(): Promise<void> } {
  const { nc, hostId } = options;
  const inFlight = new Set<Promise<void>>();

  function respond(message: Msg, reply: HostCallReply): void {
    if (!message.reply) return;
    let data = encodeClusterMessage(reply);
    const max = nc.info?.max_payload;
    if (max !== undefined && data.length > max) {
      console.error(`[host ${hostId}] an answer of ${data.length} bytes exceeds NATS max_payload (${max}); answered with an error`);
      data = encodeClusterMessage(errorReply(ACP_API_ERROR_CODES.internal, `the answer is ${data.length} bytes, more than the cluster's NATS max_payload (${max})`));
    }
    try {
      message.respond(data);
    } catch (error) {
      console.error(`[host ${hostId}] could not send an answer:`, (error as Error)?.message ?? error);
    }
  }

  async function answer(message: Msg): Promise<void> {
    const request = parseClusterMessage(HostCallRequest, message.data, 'call request');
    if (!request) return respond(message, errorReply(ACP_API_ERROR_CODES.invalidRequest, 'not a host call request'));
    const { method, params, caller } = request;
    const verified = verifyCall(options.signingKey, hostId, request);
    if (!verified.ok) {
      const claims = `claims account ${caller.accountId.slice(0, MAX_QUOTED)} via front ${caller.frontId.slice(0, MAX_QUOTED)}`;
      console.warn(`[host ${hostId}] refused a ${method.slice(0, MAX_QUOTED)} call: ${verified.reason} (${claims})`);
      const project = typeof params.project === 'string' ? params.project.slice(0, MAX_QUOTED) : null;
      options.refused(method, { ...params, project }, { accountId: null, ip: caller.ip }, `${verified.reason} (${claims})`);
      return respond(message, errorReply(ACP_API_ERROR_CODES.forbidden, `refused by project host ${hostId}: ${verified.reason}`));
    }
    if (typeof params.project === 'string' && params.project !== '' && (await options.assignment.placeOf(params.project)) === 'elsewhere') {
      return respond(message, errorReply(ACP_API_ERROR_CODES.hostUnavailable, `project ${params.project.slice(0, MAX_QUOTED)} is not on host ${hostId}`));
    }
    const context: ClientContext = { clientId: caller.clientId, accountId: caller.accountId, isAdmin: caller.isAdmin, ...(caller.ip ? { ip: caller.ip } : {}) };
    options.clients.seen(context, caller.frontId);
    let answered = false;
    await options.dispatch(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }), context, (text) => {
      answered = true;
      respond(message, replyOfFrame(text));
    });
    if (!answered) respond(message, errorReply(ACP_API_ERROR_CODES.internal, `${method} gave no answer`));
  }

  const subscription = nc.subscribe(CLUSTER_SUBJECTS.hostCall(hostId), {
    callback: (error, message) => {
      if (error) return console.error(`[host ${hostId}] the call subscription failed:`, error.message);
      const running = answer(message)
        .catch((failure: unknown) => {
          console.error(`[host ${hostId}] answering a call failed:`, failure);
          respond(message, errorReply(ACP_API_ERROR_CODES.internal, 'the host could not answer this call (see its log)'));
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    },
  });

  return {
    /** Stops taking calls and waits for the ones being answered, but not for one that hangs (a SIGTERM must end the host). */
    async stop() {
      subscription.unsubscribe();
      let timer: NodeJS.Timeout | undefined;
      const givenUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.stopWaitMs ?? CLUSTER_TIMINGS.callTimeoutMs)));
      await Promise.race([Promise.allSettled([...inFlight]), givenUp]);
      clearTimeout(timer);
    },
  };
}
