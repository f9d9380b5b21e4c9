import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { checkChannelName, isoDates, type Database, type Queryable } from './database.js';

function wrap(target: PGlite | Transaction): Queryable {
  const self: Queryable = {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await target.query<Record<string, unknown>>(sql, params);
      return result.rows.map((row) => isoDates<T>(row));
    },
    transaction: (fn) => fn(self),
  };
  return self;
}

/**
 * The embedded database: `where` is its data dir `<data>/db` (created on first open), or PGlite
 * options (tests load a dump), undefined for memory.
 * PGlite is single-process: only one process may open a data dir (the CLI goes through the hub's
 * admin socket while a hub runs).
 */
export async function openPglite(where?: string | PGliteOptions): Promise<Database> {
  const pglite = await PGlite.create(typeof where === 'string' ? { dataDir: where } : where);
  const root = wrap(pglite);
  return {
    kind: 'pglite',
    query: root.query,
    // PGlite runs one transaction at a time and queues other queries behind it.
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    // One embedded connection that never drops: no reconnect, `onReconnect` never runs.
    async listen(channel, onPayload) {
      checkChannelName(channel);
      const stop = await pglite.listen(channel, onPayload);
      return () => stop();
    },
    close: () => pglite.close(),
  };
}
