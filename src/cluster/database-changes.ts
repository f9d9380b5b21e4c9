import { CHANGES_CHANNEL, parseDbChange, type Database, type DbChange } from '../multiuser/db/index.js';

/**
 * Calls `onChange` for each change any process made to members, projects or settings (Postgres
 * NOTIFY from the schema's triggers), and `onMissed` when the listening connection was re-made
 * (NOTIFYs of the gap are lost: reload everything). A payload that is not one is logged and
 * dropped; a handler that throws is logged. Resolves, once listening, with the unlistener. Used by
 * the front hub and the project hosts (`who` prefixes their log lines: 'front', 'host h1').
 */
export function listenForChanges(db: Database, who: string, onChange: (change: DbChange) => void, onMissed: () => void): Promise<() => Promise<void>> {
  const guarded = (what: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      console.error(`[${who}] handling ${what} failed:`, error);
    }
  };
  return db.listen(
    CHANGES_CHANNEL,
    (payload) => {
      const change = parseDbChange(payload);
      if (!change) return console.warn(`[${who}] dropped a ${CHANGES_CHANNEL} notification that is not one (${payload.length} chars)`);
      guarded(`a ${change.table} change`, () => onChange(change));
    },
    { onReconnect: () => guarded('the database reconnect', onMissed) },
  );
}
