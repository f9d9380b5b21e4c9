// A stand-in project host for the front hub's tests: a real NATS client with the host's own user
// that serves `codex.host.<id>.call` (checking each call's signature with the cluster's key, as a
// host does), answers as the test says, publishes notifications and heartbeats, and records the
// front's events. The real host is another part; the cluster test runs them together.
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { verifyCall } from '../../caller-signature.js';
import { encodeClusterMessage, FrontEvent, HostCallRequest, parseClusterMessage, type HostCallReply, type HostNotification } from '../../messages.js';
import { connectCluster, readNatsCredentials } from '../../nats-connection.js';
import { CLUSTER_SUBJECTS } from '../../subjects.js';

export type StandInCall = HostCallRequest & { verified: boolean };
export type StandInAnswer = (call: StandInCall) => HostCallReply | Promise<HostCallReply>;

const HEARTBEAT_MS = 200;

export async function startStandInHost(options: { id: string; natsUrl: string; credentialsFile: string; signingKey: Buffer }) {
  const { id } = options;
  const nc: NatsConnection = await connectCluster({ url: options.natsUrl, credentials: readNatsCredentials(options.credentialsFile), name: `stand-in host ${id}` });
  const calls: StandInCall[] = [];
  const frontEvents: FrontEvent[] = [];
  let answer: StandInAnswer = (call) => ({ ok: true, result: { echo: call.method } });
  let serving: Subscription | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let startedAt = new Date().toISOString();

  nc.subscribe(CLUSTER_SUBJECTS.frontEvents, {
    callback: (_error, message) => {
      const event = parseClusterMessage(FrontEvent, message.data, 'front event');
      if (event) frontEvents.push(event);
    },
  });

  function serve(): void {
    serving ??= nc.subscribe(CLUSTER_SUBJECTS.hostCall(id), {
      callback: (_error, message) => {
        const request = parseClusterMessage(HostCallRequest, message.data, 'call request');
        if (!request) return void message.respond(encodeClusterMessage({ ok: false, error: { code: -32600, message: 'not a host call request' } }));
        const call = { ...request, verified: verifyCall(options.signingKey, id, request).ok };
        calls.push(call);
        const reply = call.verified ? answer(call) : ({ ok: false, error: { code: -32001, message: `refused by project host ${id}: caller signature does not verify` } } as const);
        void Promise.resolve(reply).then((done) => message.respond(encodeClusterMessage(done)));
      },
    });
  }
  function beat(): void {
    nc.publish(CLUSTER_SUBJECTS.hostAlive(id), encodeClusterMessage({ hostId: id, startedAt, at: new Date().toISOString(), projects: [], runningTurns: 0 }));
  }
  function startHeartbeat(): void {
    if (heartbeat) return;
    beat();
    heartbeat = setInterval(beat, HEARTBEAT_MS);
  }
  function stopHeartbeat(): void {
    clearInterval(heartbeat);
    heartbeat = undefined;
  }

  serve();
  startHeartbeat();
  await nc.flush();

  return {
    id,
    calls,
    frontEvents,
    answerWith(next: StandInAnswer): void {
      answer = next;
    },
    /** A notification as the host's hub makes it, or any bytes (a malformed one). */
    notify(notification: HostNotification | Uint8Array): void {
      nc.publish(CLUSTER_SUBJECTS.hostNotify(id), notification instanceof Uint8Array ? notification : encodeClusterMessage(notification));
    },
    /** The host dies: no answers, no heartbeats. */
    async die(): Promise<void> {
      stopHeartbeat();
      serving?.unsubscribe();
      serving = undefined;
      await nc.flush();
    },
    /** The host is back (as a restarted process when `restarted`: a new startedAt). */
    async revive(restarted = false): Promise<void> {
      if (restarted) startedAt = new Date(Date.now() + 1).toISOString();
      serve();
      await nc.flush();
      startHeartbeat();
    },
    stopHeartbeat,
    startHeartbeat,
    async close(): Promise<void> {
      stopHeartbeat();
      await nc.close();
    },
  };
}

export type StandInHost = Awaited<ReturnType<typeof startStandInHost>>;
