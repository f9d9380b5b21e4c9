import type { Queryable } from '../../multiuser/db/index.js';

/**
 * Registers the host in `hosts` and refreshes its `last_seen_at` (for `hosts list` and placement).
 * INTERIM: the infra engineer's src/multiuser/db/hosts.ts `touchHost(db, { id, startedAt })` (with the
 * started_at column) replaces this once it lands; until then only the columns of the current schema.
 */
export async function touchHostRow(db: Queryable, host: { id: string; startedAt: string }): Promise<void> {
  await db.query(`insert into hosts (id, last_seen_at) values ($1, now()) on conflict (id) do update set last_seen_at = now()`, [host.id]);
}
