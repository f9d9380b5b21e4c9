import type { TurnView } from '../../src/activity/index.js';
import type { TurnStore } from '../turns/index.js';
import { isTurnEnded } from '../../src/activity/index.js';

/**
 * Makes sure the turns' activity is loaded (a virtualized thread only subscribed to the turns on
 * screen): subscribes to each, waits until each has ended or `timeoutMs` passed, then lets go.
 * Resolves with what is loaded by then; a turn still running is exported as far as it got.
 */
export function loadTurnViews(turns: TurnStore, turnIds: readonly string[], timeoutMs = 5_000): Promise<(turnId: string) => TurnView | undefined> {
  const read = (turnId: string) => turns.getState().turns[turnId];
  const done = () => turnIds.every((turnId) => isTurnEnded(read(turnId)));
  if (done()) return Promise.resolve(read);
  const stops = turnIds.map((turnId) => turns.getState().watchTurn(turnId));
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      for (const stop of stops) stop();
      resolve(read);
    };
    const timer = setTimeout(finish, timeoutMs);
    const unsubscribe = turns.subscribe(() => {
      if (done()) finish();
    });
  });
}
