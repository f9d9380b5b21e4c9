import type { NatsConnection } from '@nats-io/transport-node';
import { HostAlive, parseClusterMessage } from '../messages.js';
import { CLUSTER_SUBJECTS, hostIdOfSubject } from '../subjects.js';
import type { HostAvailability } from './host-availability.js';

/**
 * Feeds `availability` from NATS: every host's heartbeats (a heartbeat whose host id is not its
 * subject's is dropped: the subject is what nats-server's permissions vouch for) and the
 * connection's own state (disconnected: every host unreachable). Returns the stopper.
 */
export function watchHosts(nc: NatsConnection, availability: HostAvailability): () => void {
  const subscription = nc.subscribe(CLUSTER_SUBJECTS.anyHostAlive, {
    callback: (error, message) => {
      if (error) return console.warn(`[front] heartbeat subscription: ${error.message}`);
      const alive = parseClusterMessage(HostAlive, message.data, 'host heartbeat');
      if (!alive) return;
      if (alive.hostId !== hostIdOfSubject(message.subject)) return console.warn(`[front] dropped a heartbeat of ${alive.hostId} sent on ${message.subject}`);
      availability.heard(alive);
    },
  });
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        console.warn('[front] NATS disconnected: every project host is unavailable until it reconnects');
        availability.disconnected();
      } else if (status.type === 'reconnect') {
        console.log('[front] NATS reconnected');
        availability.reconnected();
      }
    }
  })().catch((error: unknown) => console.warn(`[front] NATS status watch ended: ${(error as Error).message}`));
  return () => subscription.unsubscribe();
}
