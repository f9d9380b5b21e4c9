import type { TurnView, UnknownItem } from '../types.js';

/** How many unhandled events a view remembers (the newest). */
export const MAX_UNHANDLED_EVENTS = 25;

/** Records an event or update the reducer could not apply, keeping the newest MAX_UNHANDLED_EVENTS. */
export function recordUnhandled(view: TurnView, seq: number, reason: string): void {
  view.unhandled.push({ seq, reason });
  if (view.unhandled.length > MAX_UNHANDLED_EVENTS) view.unhandled.splice(0, view.unhandled.length - MAX_UNHANDLED_EVENTS);
}

/** Adds a visible `unknown` item with the raw payload, and records it as unhandled. */
export function addUnknownItem(view: TurnView, seq: number, t: number, label: string, raw: unknown, reason: string): void {
  const id = `unknown:${seq}`;
  if (!view.items[id]) view.order.push(id);
  const item: UnknownItem = { id, kind: 'unknown', label, raw, startedAt: t, updatedAt: t };
  view.items[id] = item;
  recordUnhandled(view, seq, reason);
}
