import type { Row, RowKey } from '../protocol/index.js';
import { parseIsoDate } from './iso-date.js';

/** The primary-key fields of every syncdb row (CoCalc chat: `[date, sender_id, event]`). */
export const PRIMARY_KEY_FIELDS = ['date', 'sender_id', 'event'] as const;

/** Milliseconds of a row date: ISO string, epoch number (drafts use 0 and -rootMs) or Date; NaN if invalid. */
export function dateToMs(date: unknown): number {
  if (typeof date === 'number') return Number.isFinite(date) ? date : Number.NaN;
  if (typeof date === 'string') return parseIsoDate(date);
  if (date instanceof Date) return date.valueOf();
  return Number.NaN;
}

/** The millisecond string of a date, as messages and threads are keyed ("1714567890123"). */
export function dateToKey(date: unknown): string {
  return String(dateToMs(date));
}

/** The ISO string of a millisecond key (or epoch number), as written in rows and where clauses. */
export function keyToIso(key: string | number): string {
  return new Date(typeof key === 'number' ? key : Number(key)).toISOString();
}

/** The primary key of a row, as a fresh plain object. */
export function rowKey(row: RowKey): RowKey {
  return { date: row.date, sender_id: row.sender_id, event: row.event };
}

/**
 * A canonical string for a primary key, the index of MemorySyncDB and of the stores. Dates compare by
 * their instant, so "…T00:00:00Z" and "…T00:00:00.000Z" name the same row, as in CoCalc.
 */
export function keyString(key: { date?: unknown; sender_id?: unknown; event?: unknown }): string {
  const ms = dateToMs(key.date);
  const date = Number.isNaN(ms) ? `?${String(key.date)}` : String(ms);
  const { sender_id: sender, event } = key;
  // Length-prefixed strings, the date last: one string per key, as JSON would give, at a fraction of
  // JSON.stringify's cost (this runs a few times per row of every document opened). Other types
  // (never in a stored row) take JSON, whose output starts with "[" and so cannot meet this form.
  if (typeof sender === 'string' && typeof event === 'string') return `${sender.length}|${sender}${event.length}|${event}${date}`;
  return JSON.stringify([date, sender, event]);
}

/** The thread key of a chat row: the ms-string of its root's date (`reply_to`, or its own date). */
export function threadKeyOf(row: { date: unknown; reply_to?: unknown }): string {
  return dateToKey(row.reply_to != null ? row.reply_to : row.date);
}

/** Why `value` is not a valid primary key, or undefined when it is one. */
export function rowKeyProblem(value: Record<string, unknown>): string | undefined {
  const { date, sender_id: senderId, event } = value;
  if (typeof event !== 'string' || event === '') return 'event: expected a non-empty string';
  if (typeof senderId !== 'string') return 'sender_id: expected a string';
  if (typeof date === 'number' ? !Number.isFinite(date) : typeof date !== 'string' || Number.isNaN(parseIsoDate(date))) {
    return 'date: expected an ISO date string (or an epoch number for drafts)';
  }
  return undefined;
}

/** True when `where` names exactly one row: all three primary-key fields and nothing else. */
export function isFullKey(where: Record<string, unknown>): where is Row {
  let count = 0;
  for (const field in where) {
    if (field !== 'date' && field !== 'sender_id' && field !== 'event') return false;
    count += 1;
  }
  return count === 3;
}
