import type { Row } from '../protocol/index.js';
import { dateToKey, keyToIso, threadKeyOf } from './keys.js';

/** A preview leaves out at least this many rows, else the whole document is as quick to send. */
export const THREAD_FIRST_MIN_SAVED_ROWS = 1_000;

/** `Date.toISOString()`'s form, one string per millisecond: such dates compare as strings, unparsed. */
function isCanonicalIso(value: unknown): value is string {
  return typeof value === 'string' && value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && value.charCodeAt(10) === 84 /* T */;
}

/**
 * The rows a client needs to show one thread of a long chat at once (`chat.open {thread}`): every
 * row of that thread; of every other thread its root (name, pin, read marks, agent config), its
 * newest message (the sidebar sorts and dates by it) and any message still generating; and every
 * row that is not a chat message (drafts, other features' rows). A chat row whose thread cannot be
 * told (no readable date) is kept too: the client decides what it means. One pass, O(rows); dates in
 * `toISOString` form are compared as strings (parsing each was most of the hub's time here).
 * Undefined when this would not leave out THREAD_FIRST_MIN_SAVED_ROWS rows.
 */
export function threadFirstRows(rows: readonly Row[], threadKey: string): Row[] | undefined {
  if (rows.length < THREAD_FIRST_MIN_SAVED_ROWS) return undefined;
  const focus = Number(threadKey);
  const focusIso = Number.isFinite(focus) && Math.abs(focus) <= 8.64e15 ? keyToIso(focus) : undefined;
  const kept: Row[] = [];
  // The newest reply of each other thread so far, by its thread's name; it joins `kept` at the end.
  const newest = new Map<string, { row: Row; date: string }>();
  for (const row of rows) {
    if (row.event !== 'chat' || row.reply_to == null || row.generating === true) {
      kept.push(row); // not a message, a root, or still generating
      continue;
    }
    let thread: string;
    let date: string;
    if (isCanonicalIso(row.reply_to) && isCanonicalIso(row.date)) {
      if (row.reply_to === focusIso) {
        kept.push(row);
        continue;
      }
      thread = row.reply_to;
      date = row.date;
    } else {
      thread = threadKeyOf(row);
      const own = dateToKey(row.date);
      if (thread === threadKey || thread === 'NaN' || own === 'NaN' || own === thread) {
        kept.push(row);
        continue;
      }
      date = keyToIso(Number(own));
      thread = keyToIso(Number(thread));
    }
    const previous = newest.get(thread);
    if (!previous || date > previous.date) newest.set(thread, { row, date });
  }
  for (const { row } of newest.values()) kept.push(row);
  return rows.length - kept.length >= THREAD_FIRST_MIN_SAVED_ROWS ? kept : undefined;
}
