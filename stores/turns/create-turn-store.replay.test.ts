// Replay safety of the turn store (STYLE.md 2.2), fed the way it really is fed: batches through
// ingestEvents (fixtures, loaders) in any order within a batch and with duplicates, and live events
// through watchTurn's subscription, flushed at any point, across re-subscriptions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTurnView, reduceTurnEvents } from '../../src/activity/index.js';
import type { TurnEvent } from '../../src/protocol/index.js';
import { RECORDED_SCENARIOS, readFixtureEvents } from '../../fixtures/data/read-fixtures.js';
import { createFakeAcpApi } from '../room/testing/fake-acp-api.js';
import { createTurnStore } from './create-turn-store.js';

const scenarios = [...RECORDED_SCENARIOS, 'reload-load'];
const runs = (scenario: string) => (scenario === 'long-output' ? 10 : 40);

/** Batch boundaries: sorted, distinct cut points in 0..length, ending with length. */
function boundaries(cuts: number[], length: number): number[] {
  return [...new Set([...cuts.map((cut) => cut % (length + 1)), length])].sort((a, b) => a - b);
}

/** `items` reordered by a list of swaps (index pairs taken modulo the length). */
function swapped<T>(items: T[], swaps: Array<[number, number]>): T[] {
  const result = [...items];
  for (const [a, b] of swaps) {
    const i = a % result.length;
    const j = b % result.length;
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

describe('turn store replay safety', () => {
  it.each(scenarios)('%s: batches reordered inside, with duplicates of anything already sent, give the same view', (scenario) => {
    const events = readFixtureEvents(scenario);
    const expected = reduceTurnEvents(createTurnView(), events);
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (cuts, swaps, duplicates) => {
          const store = createTurnStore();
          let start = 0;
          for (const end of boundaries(cuts, events.length)) {
            if (end === start) continue;
            // Duplicates of events of this batch or of earlier ones, then the whole batch shuffled.
            const batch = [...events.slice(start, end), ...duplicates.map((index) => events[index % end])];
            store.getState().ingestEvents('t', swapped(batch, swaps));
            start = end;
          }
          expect(store.getState().turns.t).toEqual(expected);
        },
      ),
      { numRuns: runs(scenario) },
    );
  });

  it.each(scenarios)('%s: live events flushed at any point, across re-subscriptions, give the same view', (scenario) => {
    const events = readFixtureEvents(scenario);
    const expected = reduceTurnEvents(createTurnView(), events);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 4 }), (flushes, resubscribes) => {
        const fake = createFakeAcpApi();
        const scheduled: Array<() => void> = [];
        const store = createTurnStore({ api: fake.api, schedule: (flush) => scheduled.push(flush) });
        const flushAt = new Set(boundaries(flushes, events.length));
        const resubscribeAt = new Set(resubscribes.map((index) => index % events.length));
        let stop = store.getState().watchTurn('t');
        events.forEach((event: TurnEvent, index) => {
          fake.pushTurnEvent('t', event);
          if (flushAt.has(index)) for (const flush of scheduled.splice(0)) flush();
          if (resubscribeAt.has(index)) {
            // A page that stops watching (and flushes what it had), then watches again from lastSeq + 1.
            stop();
            stop = store.getState().watchTurn('t');
          }
        });
        for (const flush of scheduled.splice(0)) flush();
        stop();
        expect(store.getState().turns.t).toEqual(expected);
      }),
      { numRuns: runs(scenario) },
    );
  });
});
