// `npm run bench activity`: applyTurnEvent over the long-output recording (seq 1 200000, ~1.3 MB of
// terminal output in ~160 chunks): events per second with one Immer produce per event (as a live
// subscription delivers them) and batched (a reload), and the view's JSON size vs the raw output.
import { readFixtureEvents } from '../fixtures/data/read-fixtures.js';
import { createTurnView, reduceTurnEvents } from '../src/activity/index.js';
import type { TurnEvent } from '../src/protocol/index.js';

const ROUNDS = 20;

function perEvent(events: TurnEvent[]) {
  let view = createTurnView();
  for (const event of events) view = reduceTurnEvents(view, [event]);
  return view;
}

function measure(label: string, events: TurnEvent[], run: () => unknown): number {
  run(); // warm up
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) run();
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round((events.length * ROUNDS) / seconds);
  console.log(`activity: long-output ${label}: ${events.length} events, ${rate} events/s`);
  return rate;
}

export default async function activityBench(): Promise<void> {
  const events = readFixtureEvents('long-output');
  const outputChars = events.reduce((total, event) => {
    const data = event.type === 'update' ? (event.update as { _meta?: { terminal_output?: { data?: string } } })._meta?.terminal_output?.data : undefined;
    return total + (data?.length ?? 0);
  }, 0);
  const single = measure('one produce per event', events, () => perEvent(events));
  const batched = measure('batched (one produce)', events, () => reduceTurnEvents(createTurnView(), events));
  const view = reduceTurnEvents(createTurnView(), events);
  const viewBytes = Buffer.byteLength(JSON.stringify(view));
  const outputBytes = Buffer.byteLength(events.map((event) => JSON.stringify(event)).join('\n'));
  console.log(
    `activity: long-output ${events.length} events, ${single} events/s per event, ${batched} events/s batched, ` +
      `view ${(viewBytes / 1024).toFixed(0)} KB vs output ${(outputChars / 1024 / 1024).toFixed(2)} MB ` +
      `(${((outputChars / viewBytes) || 0).toFixed(1)}x smaller; event log ${(outputBytes / 1024 / 1024).toFixed(2)} MB)`,
  );
}
