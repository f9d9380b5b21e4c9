// Replay safety of the reducer (STYLE.md 2.2). Its contract: events come in seq order (the hub
// numbers them, the client's subscription never goes back, the turn store sorts each batch), in any
// chunking, and any event already applied may come again (a replay after a reconnect or a reload).
// Reordered delivery is the turn store's part: stores/turns/create-turn-store.replay.test.ts.
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
  it.each(scenarios)('%s: any chunking, with already-applied events delivered again anywhere later, gives the same view', (scenario) => {
    const events = readFixtureEvents(scenario);
    const expected = reduceTurnEvents(createTurnView(), events);
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat({ max: events.length - 1 }), fc.nat()), { maxLength: 30 }),
        (cuts, replays) => {
          // Each replay re-delivers events[first .. first+length] right after the last of them was
          // delivered, as a re-subscription from an older seq does; nothing is sorted afterwards.
          const delivered: TurnEvent[] = [];
          events.forEach((event, index) => {
            delivered.push(event);
            for (const [first, span] of replays) {
              const from = Math.min(first, index);
              if (from + (span % 8) === index) delivered.push(...events.slice(from, index + 1));
            }
          });
          expect(feedInChunks(delivered, cuts)).toEqual(expected);
        },
      ),
      { numRuns: scenario === 'long-output' ? 15 : 60 },
    );
  });

  it('does not reorder: an event arriving after a later one is ignored (the store sorts each batch)', () => {
    const events = readFixtureEvents('multi-message');
    const inOrder = reduceTurnEvents(createTurnView(), events.slice(0, 6));
    const swapped = reduceTurnEvents(createTurnView(), [...events.slice(0, 4), events[5], events[4]]);
    expect(swapped.lastSeq).toBe(inOrder.lastSeq);
    expect(swapped).not.toEqual(inOrder);
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
