import type { TurnState } from '../protocol/index.js';
import type { TurnView } from './types.js';

const ACTIVE_STATES: ReadonlySet<TurnState> = new Set(['queued', 'starting', 'running', 'awaiting-permission', 'stopping']);
const INTERRUPTIBLE_STATES: ReadonlySet<TurnState> = new Set(['starting', 'running', 'awaiting-permission']);

/** Whether the turn is queued or running (not yet ended). */
export function isTurnActive(view: TurnView): boolean {
  return view.state !== null && ACTIVE_STATES.has(view.state);
}

/** Whether an interrupt makes sense now: the turn runs and is not already stopping. */
export function canInterrupt(view: TurnView): boolean {
  return view.state !== null && INTERRUPTIBLE_STATES.has(view.state);
}

const ENDED_STATES: ReadonlySet<TurnState> = new Set(['completed', 'cancelled', 'failed', 'interrupted']);

/** Whether the turn has its final status: completed, cancelled, failed, or interrupted by a hub restart. */
export function isTurnEnded(view: TurnView | undefined): boolean {
  return view?.state != null && ENDED_STATES.has(view.state);
}
