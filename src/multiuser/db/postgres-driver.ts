import pg from 'pg';
import { checkChannelName, isoDates, type Database, type Queryable } from './database.js';
import { listenOnPool } from './postgres-listener.js';

type Client = pg.Pool | pg.PoolClient;

function queryOn(client: Client) {
  return async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const result = await client.query<Record<string, unknown>>(sql, params);
    return result.rows.map((row) => isoDates<T>(row));
  };
}

/** A Postgres server (`--database postgres://user@host/db`); a pool of up to 10 connections. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server drops must not crash the hub; the next query reconnects.
  pool.on('error', () => {});
  // Fail at open (bad URL, server down, wrong password), not at the first request.
  await pool.query('select 1');
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: 'postgres',
    query: queryOn(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      const tx: Queryable = { query: queryOn(client), transaction: (inner) => inner(tx) };
      try {
        await client.query('begin');
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload, options) {
      checkChannelName(channel);
      const stopListening = await listenOnPool(pool, channel, onPayload, options);
      const stop = async () => {
        listeners.delete(stop);
        await stopListening();
      };
      listeners.add(stop);
      return stop;
    },
    async close() {
      // pool.end() waits for every checked-out connection: the listeners' first.
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
  };
}
