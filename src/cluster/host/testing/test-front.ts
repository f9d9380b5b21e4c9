// The front hub's side of the wire, for project host tests: a real NATS connection with the front's
// credentials that signs calls (or forges them), sends front events and records every host notification.
import { randomUUID } from 'node:crypto';
import { signCall } from '../../caller-signature.js';
import { encodeClusterMessage, HostCallReply, type CallerIdentity, type FrontEvent, type HostAlive, type HostCallRequest, type HostNotification } from '../../messages.js';
import { connectCluster, readNatsCredentials } from '../../nats-connection.js';
import { CLUSTER_SUBJECTS, CLUSTER_TIMINGS } from '../../subjects.js';
import type { NatsServer } from '../../testing/nats-server.js';

/** Who calls: an account on one browser connection. */
export type TestCaller = { accountId: string; clientId: string; isAdmin?: boolean };

export type HeardNotification = HostNotification & { hostId: string };

/** How a test spoils a call (the host must refuse each). */
export type Tamper = { signature?: string; key?: Buffer; signedFor?: string; issuedAt?: string };

export async function connectTestFront(nats: NatsServer, signingKey: Buffer) {
  const nc = await connectCluster({ url: nats.url, credentials: readNatsCredentials(nats.credentialsFile('front')), name: 'codex-chat test front' });
  const frontId = randomUUID();
  const heard: HeardNotification[] = [];
  const alive: HostAlive[] = [];
  nc.subscribe(CLUSTER_SUBJECTS.anyHostAlive, { callback: (_error, message) => void alive.push(JSON.parse(new TextDecoder().decode(message.data)) as HostAlive) });
  nc.subscribe(CLUSTER_SUBJECTS.anyHostNotify, {
    callback: (_error, message) => {
      heard.push({ ...(JSON.parse(new TextDecoder().decode(message.data)) as HostNotification), hostId: message.subject.split('.')[2] });
    },
  });
  await nc.flush();

  function request(hostId: string, method: string, params: Record<string, unknown>, who: TestCaller, tamper: Tamper = {}): HostCallRequest {
    const caller: CallerIdentity = { accountId: who.accountId, isAdmin: who.isAdmin ?? false, clientId: who.clientId, ip: '127.0.0.9', frontId, issuedAt: tamper.issuedAt ?? new Date().toISOString() };
    const signature = tamper.signature ?? signCall(tamper.key ?? signingKey, tamper.signedFor ?? hostId, method, params, caller);
    return { v: 1, method, params, caller, signature };
  }

  return {
    frontId,
    heard,
    /** Every heartbeat heard. */
    alive,
    /** Sends a call to `hostId` and returns its reply. */
    async call(hostId: string, method: string, params: Record<string, unknown>, who: TestCaller, tamper?: Tamper): Promise<HostCallReply> {
      const reply = await nc.request(CLUSTER_SUBJECTS.hostCall(hostId), encodeClusterMessage(request(hostId, method, params, who, tamper)), { timeout: CLUSTER_TIMINGS.callTimeoutMs });
      return HostCallReply.parse(JSON.parse(new TextDecoder().decode(reply.data)));
    },
    /** The result of a call that must succeed. */
    async ok<T = Record<string, unknown>>(hostId: string, method: string, params: Record<string, unknown>, who: TestCaller): Promise<T> {
      const reply = await this.call(hostId, method, params, who);
      if (!reply.ok) throw new Error(`${method} failed: ${reply.error.code} ${reply.error.message}`);
      return reply.result as T;
    },
    /** Sends raw bytes as a call (not JSON, not a request). */
    async raw(hostId: string, data: Uint8Array): Promise<HostCallReply> {
      const reply = await nc.request(CLUSTER_SUBJECTS.hostCall(hostId), data, { timeout: CLUSTER_TIMINGS.callTimeoutMs });
      return HostCallReply.parse(JSON.parse(new TextDecoder().decode(reply.data)));
    },
    async event(event: FrontEvent): Promise<void> {
      nc.publish(CLUSTER_SUBJECTS.frontEvents, encodeClusterMessage(event));
      await nc.flush();
    },
    close: () => nc.close(),
  };
}

export type TestFront = Awaited<ReturnType<typeof connectTestFront>>;
