import type { NatsConnection } from '@nats-io/transport-node';
import { FrontEvent, parseClusterMessage } from '../messages.js';
import { CLUSTER_SUBJECTS } from '../subjects.js';

/** Follows the front hub's events (`codex.front.events`): a start (hello), a client gone (left), settings changed. */
export function followFrontEvents(nc: NatsConnection, onEvent: (event: FrontEvent) => void): { stop(): void } {
  const subscription = nc.subscribe(CLUSTER_SUBJECTS.frontEvents, {
    callback: (error, message) => {
      if (error) return console.error('[host] the front events subscription failed:', error.message);
      const event = parseClusterMessage(FrontEvent, message.data, 'front event');
      if (!event) return;
      try {
        onEvent(event);
      } catch (failure) {
        console.error(`[host] handling the front's ${event.kind} event failed:`, failure);
      }
    },
  });
  return { stop: () => subscription.unsubscribe() };
}
