import { readFileSync, statSync } from 'node:fs';
import { connect, type NatsConnection } from '@nats-io/transport-node';

/** A process's NATS user: `{ "user": "...", "password": "..." }` in a 0600 file (never on a command line). */
export type NatsCredentials = { user: string; password: string };

export class NatsCredentialsError extends Error {}

/** Reads a credentials file; refuses one that others may read. */
export function readNatsCredentials(file: string): NatsCredentials {
  let mode: number;
  let text: string;
  try {
    mode = statSync(file).mode;
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new NatsCredentialsError(`cannot read the NATS credentials file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if ((mode & 0o077) !== 0) throw new NatsCredentialsError(`the NATS credentials file ${file} is readable by others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new NatsCredentialsError(`the NATS credentials file ${file} is not JSON ({ "user": ..., "password": ... })`);
  }
  const { user, password } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof user !== 'string' || user === '' || typeof password !== 'string' || password === '') {
    throw new NatsCredentialsError(`the NATS credentials file ${file} needs a "user" and a "password"`);
  }
  return { user, password };
}

export type ClusterConnectionOptions = {
  /** nats://host:port (no credentials in it). */
  url: string;
  credentials: NatsCredentials;
  /** Shown in nats-server's connection list: "codex-chat front", "codex-chat host h1". */
  name: string;
};

/**
 * Connects to the cluster's nats-server, reconnecting forever (a restarted nats-server is found
 * again; subscriptions are re-made by the client). The first connect fails fast with the reason.
 */
export async function connectCluster(options: ClusterConnectionOptions): Promise<NatsConnection> {
  if (/^[a-z]+:\/\/[^/]*@/i.test(options.url)) throw new NatsCredentialsError('the NATS URL must not contain credentials: put them in the credentials file');
  try {
    return await connect({
      servers: options.url,
      name: options.name,
      user: options.credentials.user,
      pass: options.credentials.password,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      pingInterval: 2_000,
      maxPingOut: 2,
      timeout: 5_000,
    });
  } catch (error) {
    // The client says only "connection refused": a start-up line must name what could not be reached.
    throw new Error(`cannot connect to nats-server at ${options.url}: ${(error as Error).message}`, { cause: error });
  }
}
