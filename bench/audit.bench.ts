// `npm run bench -- audit`: the audit's cost beside what it sits on. (1) auditOfTurnEvent over the
// long-output recording vs the activity reducer alone (the audit folds with it); (2) on PGlite in
// memory, rows written through createAuditLog (batched) vs one awaited insert per row; (3) what a
// record() call costs the caller (it must not wait on the database).
import { readFixtureEvents } from '../fixtures/data/read-fixtures.js';
import { applyTurnEvent, createTurnView } from '../src/activity/index.js';
import { auditOfTurnEvent, createAuditLog, createTurnAuditState } from '../src/multiuser/audit/index.js';
import { appendAudit, openPglite, runMigrations, type AuditEntry } from '../src/multiuser/db/index.js';

const ROUNDS = 20;
const ROWS = 5000;

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function entry(index: number): AuditEntry {
  return { accountId: 'ann', ip: '10.0.0.7', projectId: 'bench', path: 'a.chat', threadKey: 't', turnId: 'turn', kind: 'command', target: `echo ${index}`, outcome: 'ok' };
}

export default async function auditBench(): Promise<void> {
  const events = readFixtureEvents('long-output');
  const meta = { projectId: 'p', path: 'a.chat', threadKey: 't', turnId: 'turn', accountId: 'ann' };
  const reducerMs = timed(() => {
    for (let round = 0; round < ROUNDS; round++) {
      const view = createTurnView();
      for (const event of events) applyTurnEvent(view, event);
    }
  });
  const auditMs = timed(() => {
    for (let round = 0; round < ROUNDS; round++) {
      const state = createTurnAuditState();
      for (const event of events) auditOfTurnEvent(event, meta, state);
    }
  });
  const rate = (ms: number) => Math.round((events.length * ROUNDS) / (ms / 1000));
  console.log(`audit: long-output ${events.length} events: mapper ${rate(auditMs)} events/s, reducer alone ${rate(reducerMs)} events/s (${(auditMs / reducerMs).toFixed(2)}x)`);

  const db = await openPglite();
  await runMigrations(db);
  const log = createAuditLog(db);
  let recordMs = 0;
  const batchedStarted = performance.now();
  recordMs = timed(() => {
    for (let index = 0; index < ROWS; index++) log.record(entry(index));
  });
  await log.flush();
  const batchedMs = performance.now() - batchedStarted;
  const singleStarted = performance.now();
  for (let index = 0; index < ROWS; index++) await appendAudit(db, entry(index));
  const singleMs = performance.now() - singleStarted;
  await db.close();
  const rowsPerSecond = (ms: number) => Math.round(ROWS / (ms / 1000));
  console.log(
    `audit: ${ROWS} rows on PGlite: createAuditLog ${rowsPerSecond(batchedMs)} rows/s, one insert per row ${rowsPerSecond(singleMs)} rows/s ` +
      `(${(singleMs / batchedMs).toFixed(1)}x); record() ${((recordMs * 1000) / ROWS).toFixed(2)} µs per call`,
  );
}
