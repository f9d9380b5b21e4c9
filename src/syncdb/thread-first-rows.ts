import type { Row } from '../protocol/index.js';
import { dateToKey, threadKeyOf } from './keys.js';

/** A preview leaves out at least this many rows, else the whole document is as quick to send. */
export const THREAD_FIRST_MIN_SAVED_ROWS = 1_000;

/**
 * The rows a client needs to show one thread of a long chat at once (`chat.open {thread}`): every
 * row of that thread; of every other thread its root (name, pin, read marks, agent config), its
 * newest message (the sidebar sorts and dates by it) and any message still generating; and every
 * row that is not a chat message (drafts, other features' rows). A chat row whose thread cannot be
 * told (no readable date) is kept too: the client decides what it means. One pass, O(rows).
 * Undefined when this would not leave out THREAD_FIRST_MIN_SAVED_ROWS rows.
 */
export function threadFirstRows(rows: readonly Row[], threadKey: string): Row[] | undefined {
  if (rows.length < THREAD_FIRST_MIN_SAVED_ROWS) return undefined;
  const kept: Row[] = [];
  // The newest message of each other thread so far, by thread key; it joins `kept` at the end.
  const newest = new Map<string, { row: Row; ms: number }>();
  for (const row of rows) {
    if (row.event !== 'chat') {
      kept.push(row);
      continue;
    }
    const own = dateToKey(row.date);
    const thread = threadKeyOf(row);
    if (thread === threadKey || own === thread || own === 'NaN' || thread === 'NaN' || row.generating === true) {
      kept.push(row);
      continue;
    }
    const ms = Number(own);
    const previous = newest.get(thread);
    if (!previous || ms > previous.ms) newest.set(thread, { row, ms });
  }
  for (const { row } of newest.values()) kept.push(row);
  return rows.length - kept.length >= THREAD_FIRST_MIN_SAVED_ROWS ? kept : undefined;
}
