import type pg from 'pg';
import type { ListenOptions } from './database.js';

const RECONNECT_MS = 1_000;

/**
 * LISTENs on `channel` over a connection of its own taken from `pool` (held until stopped), and
 * re-makes it when it drops (Postgres restarted, connection killed).
 */
export async function listenOnPool(pool: pg.Pool, channel: string, onPayload: (payload: string) => void, options: ListenOptions = {}): Promise<() => Promise<void>> {
  let stopped = false;
  let current: { client: pg.PoolClient; release(error: Error): void } | undefined;
  let retry: NodeJS.Timeout | undefined;

  const onNotification = (message: pg.Notification) => {
    if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
  };

  const attach = async () => {
    const client = await pool.connect();
    let released = false;
    // release(error) destroys the connection instead of returning it to the pool (it carries our LISTEN).
    const release = (error: Error) => {
      if (released) return;
      released = true;
      client.release(error);
    };
    const lost = (error: Error) => {
      release(error);
      if (current?.client !== client) return;
      current = undefined;
      console.warn(`[db] LISTEN ${channel}: the connection dropped (${error.message}); reconnecting`);
      reconnectLater();
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('connection ended')));
    client.on('notification', onNotification);
    try {
      await client.query(`listen ${channel}`);
    } catch (error) {
      release(error as Error);
      throw error;
    }
    if (stopped) return release(new Error('stopped'));
    current = { client, release };
  };

  const reconnectLater = () => {
    if (stopped) return;
    retry = setTimeout(() => {
      attach().then(
        () => {
          if (!stopped) options.onReconnect?.();
        },
        (error: Error) => {
          console.warn(`[db] LISTEN ${channel}: reconnecting failed (${error.message}); retrying`);
          reconnectLater();
        },
      );
    }, RECONNECT_MS);
  };

  await attach();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const attached = current;
    current = undefined;
    attached?.release(new Error('stopped listening'));
  };
}
