import { afterAll, beforeAll } from 'vitest';
import { startNatsServer, type NatsServer } from './nats-server.js';

/** A test file's real nats-server on the cluster config for `hosts`: started before its tests, stopped after. Read `.server` in a test. */
export function useNatsServer(hosts: string[]): { server: NatsServer } {
  const holder = {} as { server: NatsServer };
  beforeAll(async () => {
    holder.server = await startNatsServer({ hosts });
  }, 60_000);
  afterAll(async () => {
    await holder.server?.stop();
  });
  return holder;
}
