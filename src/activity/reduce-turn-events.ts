import { produce } from 'immer';
import { applyTurnEvent } from './apply-turn-event.js';
import type { TurnView } from './types.js';

/**
 * Applies events to a view in one Immer produce. Returns the same object when nothing changed
 * (e.g. every seq <= lastSeq), and keeps the identity of every item an event did not touch.
 */
export function reduceTurnEvents(view: TurnView, events: readonly unknown[]): TurnView {
  return produce(view, (draft) => {
    for (const event of events) applyTurnEvent(draft, event);
  });
}
