// Shared by the replay tests: fold a fixture's committed events into a view, and project items to
// what a user sees (kinds, texts, outputs), without ids that differ legitimately between turns.
import { readFixtureEvents } from '../../../fixtures/data/read-fixtures.js';
import type { TurnEvent } from '../../protocol/index.js';
import { boundedTextToString } from '../bounded-text.js';
import { createTurnView } from '../create-turn-view.js';
import { reduceTurnEvents } from '../reduce-turn-events.js';
import { selectItems } from '../selectors.js';
import type { ActivityItem, TurnView } from '../types.js';

/** The view of a fixture turn after all its events (or its first `count`). */
export function replayFixture(name: string, count?: number): TurnView {
  const events = readFixtureEvents(name);
  return reduceTurnEvents(createTurnView(), count === undefined ? events : events.slice(0, count));
}

/** The view after the events up to and including the first one matching `until`. */
export function replayUntil(name: string, until: (event: TurnEvent) => boolean): TurnView {
  const events = readFixtureEvents(name);
  const index = events.findIndex(until);
  if (index < 0) throw new Error(`no matching event in ${name}`);
  return reduceTurnEvents(createTurnView(), events.slice(0, index + 1));
}

/** What a user sees of an item. */
export function visibleItem(item: ActivityItem): Record<string, unknown> {
  switch (item.kind) {
    case 'message':
      return { kind: item.kind, role: item.role, text: item.text };
    case 'reasoning':
      return { kind: item.kind, text: item.text };
    case 'terminal':
      return { kind: item.kind, title: item.title, status: item.status, output: boundedTextToString(item.output), exitCode: item.exitCode };
    case 'diff':
      return { kind: item.kind, title: item.title, status: item.status, files: item.files };
    case 'read':
    case 'fetch':
    case 'think':
    case 'tool':
      return { kind: item.kind, title: item.title, status: item.status, text: item.text };
    default:
      return { kind: item.kind };
  }
}

/** The visible items of a view in order. */
export function visibleItems(view: TurnView): Array<Record<string, unknown>> {
  return selectItems(view).map(visibleItem);
}
