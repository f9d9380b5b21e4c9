import { z } from 'zod';
import type { AcpApiNotification } from '../protocol/index.js';

// The JSON messages that cross NATS. Every one is parsed with these schemas on arrival: a malformed
// message is logged and dropped (or answered with an error), never trusted.

/** Who makes a call, as the front hub vouches for it (signed: caller-signature.ts). */
export const CallerIdentity = z.object({
  accountId: z.string().min(1).max(200),
  isAdmin: z.boolean(),
  /** The browser connection (a UUID), for turn subscriptions and replies to one tab. */
  clientId: z.string().min(1).max(200),
  ip: z.string().max(100).optional(),
  /** The front hub instance (changes at each start: hosts drop the clients of an earlier one). */
  frontId: z.string().min(1).max(200),
  /** ISO time of signing; the host refuses identities older than CLUSTER_TIMINGS.signatureMaxAgeMs. */
  issuedAt: z.string().max(40),
});
export type CallerIdentity = z.infer<typeof CallerIdentity>;

/** A project call: `params` still carry `project`. */
export const HostCallRequest = z.object({
  v: z.literal(1),
  method: z.string().min(1).max(100),
  params: z.record(z.string(), z.unknown()),
  caller: CallerIdentity,
  /** base64url HMAC-SHA256 of the call (caller-signature.ts). */
  signature: z.string().min(1).max(200),
});
export type HostCallRequest = z.infer<typeof HostCallRequest>;

export const HostCallReply = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.number().int(), message: z.string(), data: z.unknown().optional() }) }),
]);
export type HostCallReply = z.infer<typeof HostCallReply>;

/** Whom a host's notification is for. The front hub also checks that each receiver is a member of `project`. */
export const NotificationTarget = z.discriminatedUnion('kind', [
  /** Every connected member of the project (or, without a project, every connected client). */
  z.object({ kind: z.literal('all') }),
  /** One browser connection (a turn subscription's events). */
  z.object({ kind: z.literal('client'), clientId: z.string().min(1).max(200) }),
  /** Every tab of one account but one (a URL elicitation). */
  z.object({ kind: z.literal('account'), accountId: z.string().min(1).max(200), exceptClientId: z.string().max(200).optional() }),
]);
export type NotificationTarget = z.infer<typeof NotificationTarget>;

/** A notification of a host's hub. `project` is absent only for hub-wide ones (agents.change). */
export const HostNotification = z.object({
  project: z.string().min(1).max(200).optional(),
  target: NotificationTarget,
  method: z.string().min(1).max(100),
  params: z.record(z.string(), z.unknown()),
});
export type HostNotification = Omit<z.infer<typeof HostNotification>, 'method'> & { method: AcpApiNotification };

/** At most this many open projects are listed in a heartbeat (a longer list is cut by the host, not refused by the front). */
export const MAX_ALIVE_PROJECTS = 10_000;

/** A host's heartbeat. */
export const HostAlive = z.object({
  hostId: z.string().min(1).max(63),
  /** ISO time the host process started: a new value means it restarted (its subscriptions are gone). */
  startedAt: z.string().max(40),
  at: z.string().max(40),
  /** Project ids whose scope is open on the host now. */
  projects: z.array(z.string().max(200)).max(MAX_ALIVE_PROJECTS),
  runningTurns: z.number().int().nonnegative(),
});
export type HostAlive = z.infer<typeof HostAlive>;

/** The front hub's events to every host. */
export const FrontEvent = z.discriminatedUnion('kind', [
  /** A front hub started: clients of other front ids are gone (one front hub per cluster). */
  z.object({ kind: z.literal('hello'), frontId: z.string().min(1).max(200) }),
  /** A browser connection closed: its turn subscriptions and watches end. */
  z.object({ kind: z.literal('left'), frontId: z.string().min(1).max(200), clientId: z.string().min(1).max(200) }),
  /** The hub settings changed in the database: reload them. */
  z.object({ kind: z.literal('settings') }),
]);
export type FrontEvent = z.infer<typeof FrontEvent>;

/** Parses a NATS message's JSON with `schema`; undefined (with the reason logged) when it is not one. */
export function parseClusterMessage<T>(schema: z.ZodType<T>, data: Uint8Array, what: string): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(data));
  } catch {
    console.warn(`[cluster] dropped a ${what}: not JSON (${data.length} bytes)`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.warn(`[cluster] dropped a ${what}: ${parsed.error.issues[0]?.path.join('.') || 'message'} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
    return undefined;
  }
  return parsed.data;
}

export function encodeClusterMessage(message: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(message));
}
