import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './database.js';
import { runMigrations } from './migrations.js';
import { openPglite } from './pglite-driver.js';
import { openPostgres } from './postgres-driver.js';

export type DatabaseLocation = {
  /** The multiuser data dir; PGlite keeps its files in `<dataDir>/db`. */
  dataDir: string;
  /** `postgres://...`: a Postgres server instead of the embedded PGlite. */
  databaseUrl?: string;
};

/** Opens the store of record and migrates it to the current schema (a new data dir is made, 0700). */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if (!location.databaseUrl) mkdirSync(location.dataDir, { recursive: true, mode: 0o700 });
  const db = location.databaseUrl ? await openPostgres(location.databaseUrl) : await openPglite(path.join(location.dataDir, 'db'));
  try {
    await runMigrations(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}
