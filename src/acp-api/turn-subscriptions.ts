import type { TurnEvent } from '../protocol/index.js';

type Subscriber = { nextSeq: number; onEvent: (event: TurnEvent) => void };

/**
 * The client's turn subscriptions. Each subscriber remembers the next seq it expects, so replays
 * after a reconnect (or a second server subscription to the same turn) never deliver an event twice.
 */
export class TurnSubscriptions {
  private readonly byTurn = new Map<string, Set<Subscriber>>();

  /** Adds a subscriber expecting events from `fromSeq` on; pass it to `remove` to stop. */
  add(turnId: string, fromSeq: number, onEvent: (event: TurnEvent) => void): Subscriber {
    let subscribers = this.byTurn.get(turnId);
    if (!subscribers) this.byTurn.set(turnId, (subscribers = new Set()));
    const subscriber = { nextSeq: Math.max(0, fromSeq), onEvent };
    subscribers.add(subscriber);
    return subscriber;
  }

  /** Removes a subscriber; true when it was the turn's last one. */
  remove(turnId: string, subscriber: Subscriber): boolean {
    const subscribers = this.byTurn.get(turnId);
    if (!subscribers?.delete(subscriber)) return false;
    if (subscribers.size > 0) return false;
    this.byTurn.delete(turnId);
    return true;
  }

  /** Delivers an event to every subscriber still expecting it; gaps are impossible on the hub side. */
  deliver(turnId: string, event: TurnEvent): void {
    for (const subscriber of this.byTurn.get(turnId) ?? []) {
      if (event.seq < subscriber.nextSeq) continue;
      subscriber.nextSeq = event.seq + 1;
      try {
        subscriber.onEvent(event);
      } catch (error) {
        console.error('[acp-api] turn event listener failed:', error);
      }
    }
  }

  /** Per turn, the lowest seq any subscriber still expects: where to resume after a reconnect. */
  resumePoints(): Array<{ turnId: string; fromSeq: number }> {
    return [...this.byTurn].map(([turnId, subscribers]) => ({
      turnId,
      fromSeq: Math.min(...[...subscribers].map((subscriber) => subscriber.nextSeq)),
    }));
  }
}
