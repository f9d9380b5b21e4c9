// The NATS subjects of a cluster (front hub <-> project hosts). One place, so the nats-server
// permissions (nats-config.ts) and both sides cannot drift apart.

/** A project host's id: a NATS subject token and a Postgres key (no dots, no wildcards, no spaces). */
export const HOST_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function isHostId(value: unknown): value is string {
  return typeof value === 'string' && HOST_ID_PATTERN.test(value);
}

export const CLUSTER_SUBJECTS = {
  /** Request/reply: a project call the front hub sends to the host that holds the project (HostCallRequest -> HostCallReply). */
  hostCall: (hostId: string) => `codex.host.${hostId}.call`,
  /** A host publishes its projects' notifications here (HostNotification), in the order its hub made them. */
  hostNotify: (hostId: string) => `codex.host.${hostId}.notify`,
  /** A host's heartbeat (HostAlive), every CLUSTER_TIMINGS.heartbeatMs. */
  hostAlive: (hostId: string) => `codex.host.${hostId}.alive`,
  /** What the front hub subscribes to. */
  anyHostNotify: 'codex.host.*.notify',
  anyHostAlive: 'codex.host.*.alive',
  /** The front hub's events to every host (FrontEvent): its start, a client gone, settings changed. */
  frontEvents: 'codex.front.events',
} as const;

/** The host id in a host subject (`codex.host.<id>.<kind>`), or undefined. */
export function hostIdOfSubject(subject: string): string | undefined {
  const parts = subject.split('.');
  return parts.length === 4 && parts[0] === 'codex' && parts[1] === 'host' && isHostId(parts[2]) ? parts[2] : undefined;
}

export const CLUSTER_TIMINGS = {
  /** A host publishes HostAlive this often. */
  heartbeatMs: 1_000,
  /** The front hub takes a host as gone after this long without a heartbeat (or at once on "no responders"). */
  hostDeadAfterMs: 3_500,
  /** How long the front hub waits for a host's reply to a call before answering "unavailable". */
  callTimeoutMs: 15_000,
  /** A signed caller identity older (or newer) than this is refused by the host (clock skew + transit). */
  signatureMaxAgeMs: 60_000,
  /** A host writes its `hosts.last_seen_at` this often (for `codex-chat hosts list` and placement). */
  hostRowRefreshMs: 5_000,
  /** `hosts list` and placement count a host as up when it was seen within this. */
  hostUpWithinMs: 15_000,
} as const;
