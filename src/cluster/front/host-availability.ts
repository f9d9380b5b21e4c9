import type { ProjectHostStatus } from '../../protocol/index.js';
import type { HostAlive } from '../messages.js';
import { CLUSTER_TIMINGS } from '../subjects.js';

/** A host's state changed: it went away (available false, with the reason) or came back. */
export type HostTransition = (hostId: string, status: ProjectHostStatus) => void;

type Known = { startedAt: string; lastSeenAt: number; available: boolean };

/** The reason a page shows and a call fails with. */
export function hostUnavailableReason(hostId: string): string {
  return `project host ${hostId} unavailable`;
}

/**
 * Which project hosts the front hub can reach now, from their heartbeats: unavailable after
 * `deadAfterMs` without one, at once on "no responders", all of them while NATS is disconnected;
 * available again at the next heartbeat. A changed `startedAt` is a restart (its subscriptions and
 * turn subscriptions are gone): unavailable then available, so the pages resynchronize. A host not
 * heard from since the front started is tried (no responders tells at once) until `deadAfterMs`.
 */
export function createHostAvailability(options: {
  onTransition: HostTransition;
  /** The first heartbeat of a host since the front started (it may have missed the front's hello). */
  onFirstHeard?: (hostId: string) => void;
  deadAfterMs?: number;
  now?: () => number;
}) {
  const deadAfterMs = options.deadAfterMs ?? CLUSTER_TIMINGS.hostDeadAfterMs;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const hosts = new Map<string, Known>();
  let natsDown = false;
  /** Per host: what runs when it is seen gone (its calls in flight fail then, not at their timeout). */
  const goneListeners = new Map<string, Set<() => void>>();

  function setAvailable(hostId: string, known: Known, available: boolean): void {
    if (known.available === available) return;
    known.available = available;
    if (!available) for (const listener of [...(goneListeners.get(hostId) ?? [])]) listener();
    options.onTransition(hostId, available ? { id: hostId, available: true } : { id: hostId, available: false, reason: hostUnavailableReason(hostId) });
  }

  function sweep(): void {
    const time = now();
    for (const [hostId, known] of hosts) if (known.available && time - known.lastSeenAt > deadAfterMs) setAvailable(hostId, known, false);
  }
  const timer = setInterval(sweep, Math.max(50, Math.floor(deadAfterMs / 7)));
  timer.unref();

  function isUnavailable(hostId: string): boolean {
    if (natsDown) return true;
    const known = hosts.get(hostId);
    return known ? !known.available : now() - startedAt > deadAfterMs;
  }

  return {
    /** A heartbeat arrived (its subject's host id already checked against `alive.hostId`). */
    heard(alive: HostAlive): void {
      const known = hosts.get(alive.hostId);
      if (!known) {
        hosts.set(alive.hostId, { startedAt: alive.startedAt, lastSeenAt: now(), available: true });
        options.onFirstHeard?.(alive.hostId);
        return;
      }
      known.lastSeenAt = now();
      if (known.startedAt !== alive.startedAt) {
        known.startedAt = alive.startedAt;
        setAvailable(alive.hostId, known, false);
      }
      if (!natsDown) setAvailable(alive.hostId, known, true);
    },
    /** A call found nobody serving the host's subject. */
    noResponders(hostId: string): void {
      const known = hosts.get(hostId);
      if (known) setAvailable(hostId, known, false);
      // Known from now on, so that its next heartbeat tells the pages it is back.
      else hosts.set(hostId, { startedAt: '', lastSeenAt: 0, available: false });
    },
    /** NATS is disconnected: no host can be reached. */
    disconnected(): void {
      natsDown = true;
      for (const [hostId, known] of hosts) setAvailable(hostId, known, false);
    },
    /** NATS is back: each host is available again at its next heartbeat. */
    reconnected(): void {
      natsDown = false;
    },
    /** Runs `listener` when the host is next seen gone; returns its remover. */
    onGone(hostId: string, listener: () => void): () => void {
      let listeners = goneListeners.get(hostId);
      if (!listeners) goneListeners.set(hostId, (listeners = new Set()));
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && goneListeners.get(hostId) === listeners) goneListeners.delete(hostId);
      };
    },
    /** Whether a call to the host should fail at once. */
    isUnavailable,
    /** What projects.list says of a project on this host. */
    statusOf(hostId: string): ProjectHostStatus {
      return isUnavailable(hostId) ? { id: hostId, available: false, reason: hostUnavailableReason(hostId) } : { id: hostId, available: true };
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}

export type HostAvailability = ReturnType<typeof createHostAvailability>;
