import { describeEachDatabase } from '../testing/test-databases.js';
import { MIGRATIONS, runMigrations, type Migration } from './migrations.js';

const TABLES = ['accounts', 'audit', 'hosts', 'login_links', 'login_sessions', 'members', 'projects', 'schema_migrations', 'settings', 'site_credentials', 'user_credentials'];

describeEachDatabase('migrations', ({ openFresh }) => {
  it('create the tables of the design once; a second run applies nothing and keeps the version row', async () => {
    const db = await openFresh();
    expect(await runMigrations(db)).toEqual(MIGRATIONS.map((step) => step.version));
    const tables = await db.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`);
    expect(tables.map((row) => row.name)).toEqual(TABLES);
    const versions = await db.query<{ version: number; appliedAt: string }>(`select version, applied_at as "appliedAt" from schema_migrations`);
    expect(versions).toEqual(MIGRATIONS.map((step) => ({ version: step.version, appliedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })));
    expect(await runMigrations(db)).toEqual([]);
    expect(await db.query(`select version from schema_migrations order by version`)).toEqual(MIGRATIONS.map((step) => ({ version: step.version })));
  });

  it('apply only the new steps of a later version, in order', async () => {
    const db = await openFresh();
    await runMigrations(db);
    const later: Migration[] = [...MIGRATIONS, { version: 90, description: 'a test column', statements: ['alter table hosts add column note text'] }];
    expect(await runMigrations(db, later)).toEqual([90]);
    await db.query(`insert into hosts (id, note) values ('h1', 'x')`);
    expect(await runMigrations(db, later)).toEqual([]);
  });

  it('a failing step rolls the whole run back: no table, no version row', async () => {
    const db = await openFresh();
    const broken: Migration[] = [...MIGRATIONS, { version: 90, description: 'broken', statements: ['alter table no_such_table add column x text'] }];
    await expect(runMigrations(db, broken)).rejects.toThrow(/no_such_table/);
    expect(await db.query(`select table_name from information_schema.tables where table_schema = 'public'`)).toEqual([]);
  });

  it('refuse a database migrated by a newer codex-chat', async () => {
    const db = await openFresh();
    await runMigrations(db, [...MIGRATIONS, { version: 99, description: 'from the future', statements: [] }]);
    await expect(runMigrations(db)).rejects.toThrow(`the database has schema version 99, newer than this codex-chat (${MIGRATIONS.length}): upgrade codex-chat`);
  });
});
