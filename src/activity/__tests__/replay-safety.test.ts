// Replay safety (STYLE.md 2.2): the same events fed in any chunking, with duplicates and with
// out-of-order delivery sorted back by seq, give identical views.
import fc from 'fast-check';
import { RECORDED_SCENARIOS, readFixtureEvents } from '../../../fixtures/data/read-fixtures.js';
import type { TurnEvent } from '../../protocol/index.js';
import { createTurnView } from '../create-turn-view.js';
import { reduceTurnEvents } from '../reduce-turn-events.js';
import type { TurnView } from '../types.js';

function feedInChunks(events: TurnEvent[], cuts: number[]): TurnView {
  const points = [...new Set(cuts.map((cut) => cut % (events.length + 1)))].sort((a, b) => a - b);
  let view = createTurnView();
  let start = 0;
  for (const point of [...points, events.length]) {
    view = reduceTurnEvents(view, events.slice(start, point));
    start = Math.max(start, point);
  }
  return view;
}

const scenarios = [...RECORDED_SCENARIOS, 'reload-load'];

describe('replay safety', () => {
  it.each(scenarios)('%s: any chunking, duplicated and reordered-then-sorted delivery gives the same view', (scenario) => {
    const events = readFixtureEvents(scenario);
    const expected = reduceTurnEvents(createTurnView(), events);
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 30 }),
        fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 30 }),
        (cuts, duplicates, order) => {
          // Deliver duplicates in a shuffled order, then sort by seq as a subscriber does.
          const delivered = [...events, ...duplicates.map((index) => events[index])];
          for (const [position, index] of order.entries()) {
            const target = position % delivered.length;
            [delivered[target], delivered[index]] = [delivered[index], delivered[target]];
          }
          delivered.sort((a, b) => a.seq - b.seq);
          expect(feedInChunks(delivered, cuts)).toEqual(expected);
        },
      ),
      { numRuns: scenario === 'long-output' ? 15 : 60 },
    );
  });

  it('replaying an already applied event returns the very same view object', () => {
    const events = readFixtureEvents('multi-message');
    const view = reduceTurnEvents(createTurnView(), events);
    expect(reduceTurnEvents(view, events)).toBe(view);
    expect(reduceTurnEvents(view, [events[5], events[0]])).toBe(view);
  });

  it('keeps the identity of items an event does not touch', () => {
    const events = readFixtureEvents('multi-message');
    const before = reduceTurnEvents(createTurnView(), events.slice(0, 9));
    const after = reduceTurnEvents(before, [events[9]]);
    expect(events[9]).toMatchObject({ type: 'update' });
    const changed = Object.keys(after.items).filter((id) => after.items[id] !== before.items[id]);
    expect(changed.length).toBeLessThanOrEqual(1);
    expect(after.items['agent-message:item_2']).toBe(before.items['agent-message:item_2']);
  });
});
