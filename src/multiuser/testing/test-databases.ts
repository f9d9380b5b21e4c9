// Runs a test file's cases on both databases the hub supports: PGlite (in memory) and a real
// Postgres server started for the file (postgres-server.ts). Without Postgres installed the
// Postgres half fails with the reason; it is never skipped.
import { PGlite } from '@electric-sql/pglite';
import { openPglite, openPostgres, runMigrations, type Database } from '../db/index.js';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';

export type TestDatabaseKind = 'pglite' | 'postgres';
export const TEST_DATABASE_KINDS: readonly TestDatabaseKind[] = ['pglite', 'postgres'];

export type TestDatabases = {
  kind: TestDatabaseKind;
  /** A migrated database shared by the cases of this describe block (use unique names per case). */
  db(): Database;
  /** A new empty, unmigrated database, closed after the block. */
  openFresh(): Promise<Database>;
};

let server: Promise<PostgresServer> | undefined;
let serverUsers = 0;

/** The file's Postgres server: started by the first block that needs it, stopped after the last. */
export function acquirePostgresServer(): Promise<PostgresServer> {
  serverUsers++;
  server ??= startPostgresServer();
  return server;
}

export async function releasePostgresServer(): Promise<void> {
  if (--serverUsers > 0 || !server) return;
  const started = server;
  server = undefined;
  await (await started.catch(() => undefined))?.stop();
}

// A new PGlite runs initdb (seconds on a loaded machine); loading a dump of an empty one is faster.
let emptyPglite: Promise<Blob> | undefined;
function emptyPgliteDump(): Promise<Blob> {
  emptyPglite ??= PGlite.create().then(async (pglite) => {
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    return dump;
  });
  return emptyPglite;
}

async function openEmpty(kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'pglite') return openPglite({ loadDataDir: await emptyPgliteDump() });
  const postgres = await acquirePostgresServer();
  try {
    const db = await openPostgres(await postgres.createDatabase());
    const close = db.close;
    const closeAndRelease = async () => {
      await close();
      await releasePostgresServer();
    };
    return { ...db, close: closeAndRelease };
  } catch (error) {
    await releasePostgresServer();
    throw error;
  }
}

/** `describe.each` over both databases: `body` gets the current block's databases. */
export function describeEachDatabase(title: string, body: (databases: TestDatabases) => void): void {
  describe.each(TEST_DATABASE_KINDS)(`${title} (%s)`, (kind) => {
    let shared: Database | undefined;
    const opened: Database[] = [];
    const openFresh = async () => {
      const db = await openEmpty(kind);
      opened.push(db);
      return db;
    };
    beforeAll(async () => {
      shared = await openFresh();
      await runMigrations(shared);
    }, 60_000);
    afterAll(async () => {
      for (const db of opened.splice(0)) await db.close();
    });
    body({
      kind,
      db: () => {
        if (!shared) throw new Error(`the ${kind} test database did not open (see the beforeAll error)`);
        return shared;
      },
      openFresh,
    });
  });
}
