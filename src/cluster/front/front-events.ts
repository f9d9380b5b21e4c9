import type { NatsConnection } from '@nats-io/transport-node';
import type { ClientRegistry } from '../../hub/client-registry.js';
import { encodeClusterMessage, type FrontEvent } from '../messages.js';
import { CLUSTER_SUBJECTS } from '../subjects.js';

function publish(nc: NatsConnection, event: FrontEvent): void {
  try {
    nc.publish(CLUSTER_SUBJECTS.frontEvents, encodeClusterMessage(event));
  } catch (error) {
    console.warn(`[front] could not publish the ${event.kind} event: ${(error as Error).message}`);
  }
}

/** Tells every host that this front hub started: the clients of an earlier front are gone. */
export function announceFront(nc: NatsConnection, frontId: string): void {
  publish(nc, { kind: 'hello', frontId });
}

/**
 * The client registry of a front hub: the same registry, but a browser connection that closes is
 * also told to the hosts (`left`), which end its turn subscriptions there.
 */
export function announcingDepartures(clients: ClientRegistry, nc: NatsConnection, frontId: string): ClientRegistry {
  return {
    ...clients,
    remove(clientId: string): void {
      const known = clients.contextOf(clientId) !== undefined;
      clients.remove(clientId);
      if (known) publish(nc, { kind: 'left', frontId, clientId });
    },
  };
}
