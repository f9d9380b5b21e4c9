import { z } from 'zod';
import type { Database } from '../../multiuser/db/index.js';

/** The channel the database's triggers notify on (members, projects, settings). */
export const CHANGES_CHANNEL = 'codex_changes';

const Change = z.object({ table: z.enum(['members', 'projects', 'settings']), project: z.string().max(200).optional() });
export type DatabaseChange = z.infer<typeof Change>;

/** A database that can LISTEN (pg: a dedicated client; PGlite: its own listen). */
type Listening = { listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> };

/**
 * Calls `onChange` for each change another process made to members, projects or settings (Postgres
 * NOTIFY from the schema's triggers). A payload that is not one is logged and dropped. Returns the
 * unlistener.
 */
export async function listenForChanges(db: Database, onChange: (change: DatabaseChange) => void): Promise<() => Promise<void>> {
  const listen = (db as Database & Listening).listen;
  if (!listen) throw new Error('this database cannot LISTEN: a project host needs the cluster migration (Database.listen)');
  return listen.call(db, CHANGES_CHANNEL, (payload) => {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return console.warn(`[host] dropped a ${CHANGES_CHANNEL} notification: not JSON`);
    }
    const parsed = Change.safeParse(json);
    if (!parsed.success) return console.warn(`[host] dropped a ${CHANGES_CHANNEL} notification: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    try {
      onChange(parsed.data);
    } catch (error) {
      console.error(`[host] handling a ${parsed.data.table} change failed:`, error);
    }
  });
}
