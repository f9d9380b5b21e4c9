import type { NatsConnection } from '@nats-io/transport-node';
import { encodeClusterMessage, MAX_ALIVE_PROJECTS, type HostAlive } from '../messages.js';
import { CLUSTER_SUBJECTS, CLUSTER_TIMINGS } from '../subjects.js';

export type HeartbeatOptions = {
  nc: NatsConnection;
  hostId: string;
  startedAt: string;
  /** The projects whose scope is open now, and their running turns. */
  state(): { projects: string[]; runningTurns: number };
  /** Writes the host's row (`hosts.last_seen_at`) for `hosts list` and placement. */
  touchRow(): Promise<void>;
};

/**
 * The host's heartbeat: HostAlive on `codex.host.<id>.alive` every second (the front hub's
 * availability), its database row every 5 s. Failures are logged, never thrown (NATS reconnects,
 * the database comes back).
 */
export function startHeartbeat(options: HeartbeatOptions): { stop(): void } {
  const { nc, hostId, startedAt } = options;
  const subject = CLUSTER_SUBJECTS.hostAlive(hostId);
  function beat(): void {
    try {
      const { projects, runningTurns } = options.state();
      // Cut to what the front accepts: a longer list would have the whole heartbeat dropped, the host taken as dead.
      const alive: HostAlive = { hostId, startedAt, at: new Date().toISOString(), projects: projects.slice(0, MAX_ALIVE_PROJECTS), runningTurns };
      nc.publish(subject, encodeClusterMessage(alive));
    } catch (error) {
      console.warn(`[host ${hostId}] heartbeat not sent: ${(error as Error)?.message ?? error}`);
    }
  }
  let touching = false;
  function touch(): void {
    if (touching) return; // a slow database: no pile-up of writes
    touching = true;
    options
      .touchRow()
      .catch((error: unknown) => console.warn(`[host ${hostId}] could not update its hosts row: ${(error as Error)?.message ?? error}`))
      .finally(() => (touching = false));
  }
  beat();
  const beats = setInterval(beat, CLUSTER_TIMINGS.heartbeatMs);
  const rows = setInterval(touch, CLUSTER_TIMINGS.hostRowRefreshMs);
  return {
    stop() {
      clearInterval(beats);
      clearInterval(rows);
    },
  };
}
