import type { TurnEvent } from '../../src/protocol/index.js';
import type { ScheduleFlush } from './schedule-flush.js';

/** Collects live events per turn and hands them over in one batch per scheduled flush. */
export function createTurnBatcher(schedule: ScheduleFlush, deliver: (batches: Map<string, TurnEvent[]>) => void) {
  let pending = new Map<string, TurnEvent[]>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (pending.size === 0) return;
    const batches = pending;
    pending = new Map();
    deliver(batches);
  };

  return {
    push(turnId: string, event: TurnEvent) {
      const list = pending.get(turnId);
      if (list) list.push(event);
      else pending.set(turnId, [event]);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    /** Deliver what is pending now (used before disposing, so nothing received is lost). */
    flush,
  };
}
