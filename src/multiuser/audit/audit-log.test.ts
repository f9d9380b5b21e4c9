// The writer on both databases (PGlite and a real Postgres server): batched inserts, a database
// error logged and retried (the audit table renamed away and back: a real failing insert), the
// bounded queue, and the append-only trigger.
import { listAudit, type Database } from '../db/index.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import type { AuditEntry } from './audit-entry.js';
import { createAuditLog } from './audit-log.js';

const admin = { accountId: 'nobody', isAdmin: true };

function entry(projectId: string, target: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { accountId: 'ann', ip: '10.0.0.7', projectId, path: 'a.chat', threadKey: 't1', turnId: 'turn-1', kind: 'command', target, outcome: 'ok', ...extra };
}

async function rowsOf(db: Database, projectId: string) {
  return (await listAudit(db, { project: projectId, limit: 1000 }, admin)).rows;
}

/** Resolves when `check` holds (the retry timer runs on its own); the test's timeout bounds it. */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describeEachDatabase('audit log', ({ db }) => {
  it('writes recorded rows in batches, in order, stamped when recorded', async () => {
    const log = createAuditLog(db(), { batchSize: 500 });
    const before = new Date().toISOString();
    for (let index = 0; index < 1200; index++) log.record(entry('batch', `echo ${index}`));
    expect(log.stats().queued).toBe(1200);
    await log.flush();
    const rows = await rowsOf(db(), 'batch');
    expect(rows).toHaveLength(1000);
    expect(rows[0]).toMatchObject({ accountId: 'ann', ip: '10.0.0.7', projectId: 'batch', path: 'a.chat', threadKey: 't1', turnId: 'turn-1', kind: 'command', target: 'echo 1199', outcome: 'ok' });
    expect(rows[0].at >= before).toBe(true);
    const all = await listAudit(db(), { project: 'batch', limit: 1000, before: rows[999].id }, admin);
    expect(all.rows.map((row) => row.target).reverse().slice(0, 2)).toEqual(['echo 0', 'echo 1']);
    expect(log.stats()).toEqual({ queued: 0, dropped: 0 });
  });

  it('keeps the time an entry carries, and makes bad values safe instead of blocking the queue', async () => {
    const log = createAuditLog(db());
    log.record(entry('safe', 'with time', { at: '2026-01-02T03:04:05.000Z' }));
    log.record(entry('safe', 'nul\u0000byte', { at: 'not a time', ip: 42 as unknown as string }));
    log.record(null as unknown as AuditEntry);
    await log.flush();
    const rows = await rowsOf(db(), 'safe');
    expect(rows.map((row) => [row.target, row.ip])).toEqual([
      ['nul byte', null],
      ['with time', '10.0.0.7'],
    ]);
    expect(rows[1].at).toBe('2026-01-02T03:04:05.000Z');
    expect(Date.parse(rows[0].at)).toBeGreaterThan(Date.parse('2026-01-02T00:00:00Z'));
  });

  it('logs a failed write without the row, keeps the rows and writes them when the database is back', async () => {
    const warnings: string[] = [];
    const log = createAuditLog(db(), { retryMs: 20, warn: (message) => warnings.push(message) });
    await db().query('alter table audit rename to audit_away');
    try {
      log.record(entry('retry', 'cat private-notes.txt'));
      await log.flush();
      expect(log.stats().queued).toBe(1);
      expect(warnings[0]).toMatch(/writing 1 audit row\(s\) failed, retrying in \d+ ms: .*audit/);
      expect(warnings.join('\n')).not.toContain('private-notes');
      log.record(entry('retry', 'second'));
    } finally {
      await db().query('alter table audit_away rename to audit');
    }
    await eventually(() => log.stats().queued === 0);
    expect((await rowsOf(db(), 'retry')).map((row) => row.target)).toEqual(['second', 'cat private-notes.txt']);
  });

  it('drops rows past the bound while the database is away, and says how many when it is back', async () => {
    const warnings: string[] = [];
    const log = createAuditLog(db(), { maxQueued: 3, retryMs: 20, warn: (message) => warnings.push(message) });
    await db().query('alter table audit rename to audit_away');
    try {
      for (let index = 0; index < 5; index++) log.record(entry('bounded', `row ${index}`));
      await log.flush();
      expect(log.stats()).toEqual({ queued: 3, dropped: 2 });
    } finally {
      await db().query('alter table audit_away rename to audit');
    }
    await eventually(() => log.stats().queued === 0);
    expect((await rowsOf(db(), 'bounded')).map((row) => row.target)).toEqual(['row 2', 'row 1', 'row 0']);
    expect(warnings).toContain('2 audit row(s) were dropped while the database was unavailable (queue full at 3)');
  });

  it('is append-only: the database refuses UPDATE and DELETE of audit rows', async () => {
    const log = createAuditLog(db());
    log.record(entry('append-only', 'rm -rf build'));
    await log.flush();
    await expect(db().query(`update audit set outcome = 'nothing happened' where project_id = 'append-only'`)).rejects.toThrow(/append-only/);
    await expect(db().query(`delete from audit where project_id = 'append-only'`)).rejects.toThrow(/append-only/);
    expect((await rowsOf(db(), 'append-only')).map((row) => row.outcome)).toEqual(['ok']);
  });
});
