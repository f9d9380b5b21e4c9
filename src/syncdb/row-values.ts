import type { Row } from '../protocol/index.js';
import { dateToMs } from './keys.js';

/** A plain object (not an array, Date or class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Sets `obj[field] = value` as an own data property. Plain assignment of `__proto__` would call the
 * inherited setter instead: the key would vanish from the row and the object's prototype change.
 * Rows come from JSON.parse, which makes `__proto__` an ordinary own key, so it must stay one.
 */
export function setOwnField(obj: Record<string, unknown>, field: string, value: unknown): void {
  // Only `__proto__` needs defineProperty (several times slower than assignment, which showed in
  // every row copy): every other key of Object.prototype is a writable data property, so assigning
  // it on a plain object makes an own property.
  if (field === '__proto__') Object.defineProperty(obj, field, { value, enumerable: true, writable: true, configurable: true });
  else obj[field] = value;
}

function hasOwnField(obj: object, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, field);
}

/**
 * A frozen deep copy of a JSON-like value; Dates become ISO strings. Stored rows are frozen so
 * `get()` can hand them out without copying (cheap snapshots) and no caller can change them behind
 * the document's back.
 */
export function frozenCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy));
  const copy: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const field of Object.keys(source)) {
    const child = source[field];
    if (child !== undefined) setOwnField(copy, field, frozenCopy(child));
  }
  return Object.freeze(copy);
}

// Rows made by mergeRow: frozen all the way down, without nulls where a set drops them. Storing one
// again (the view of a RemoteSyncDB copying its base, a scratch document) needs no copy.
const storedRows = new WeakSet<object>();

/** Whether `value` is a row made by mergeRow (deeply frozen, nulls already dropped). */
export function isStoredRow(value: object): value is Row {
  return storedRows.has(value);
}

/** Deep equality of JSON-like values. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord);
  if (aKeys.length !== Object.keys(bRecord).length) return false;
  return aKeys.every((field) => Object.prototype.hasOwnProperty.call(bRecord, field) && valuesEqual(aRecord[field], bRecord[field]));
}

/** Shallow merge of an object field: `null` deletes a key, other values replace it. */
function mergeObjectField(old: Record<string, unknown> | undefined, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...old };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete merged[field];
    else if (value !== undefined) setOwnField(merged, field, frozenCopy(value));
  }
  return Object.freeze(merged);
}

/**
 * CoCalc's `set` on one row: fields of `patch` replace those of `old`, `null` deletes a field, object
 * fields merge shallowly. Returns `old` itself when nothing changed. Primary-key fields of an
 * existing row are kept as stored.
 */
export function mergeRow(old: Row | undefined, patch: Record<string, unknown>): Row {
  if (old === undefined) return newRow(patch);
  const next: Record<string, unknown> = { ...old };
  let changed = false;
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || field === 'date' || field === 'sender_id' || field === 'event') continue;
    if (value === null) {
      if (hasOwnField(next, field)) {
        delete next[field];
        changed = true;
      }
      continue;
    }
    const current = hasOwnField(next, field) ? next[field] : undefined;
    const replacement = isPlainObject(value) ? mergeObjectField(isPlainObject(current) ? current : undefined, value) : frozenCopy(value);
    if (!valuesEqual(current, replacement)) {
      setOwnField(next, field, replacement);
      changed = true;
    }
  }
  return changed ? stored(next) : old;
}

// mergeRow of a row not stored yet: every field but null and undefined, with nothing to compare
// against (the load of a whole document is this, once per row).
function newRow(patch: Record<string, unknown>): Row {
  const next: Record<string, unknown> = {};
  for (const field of Object.keys(patch)) {
    const value = patch[field];
    if (value === undefined || value === null) continue;
    setOwnField(next, field, isPlainObject(value) ? mergeObjectField(undefined, value) : frozenCopy(value));
  }
  return stored(next);
}

/**
 * A row nobody else holds (fresh from JSON.parse) as a stored row, frozen in place instead of copied,
 * when that gives what newRow would: no null or undefined field, none inside an object field (set
 * drops those). Otherwise a copy, as newRow makes. Receiving a document is this, once per row.
 */
export function adoptRow(row: Record<string, unknown>): Row {
  if (!isPlainObject(row)) return newRow(row);
  for (const field of Object.keys(row)) {
    const value = row[field];
    if (value === null || value === undefined) return newRow(row);
    if (isPlainObject(value)) for (const key of Object.keys(value)) if (value[key] === null || value[key] === undefined) return newRow(row);
  }
  deepFreeze(row);
  storedRows.add(row);
  return row as Row;
}

function deepFreeze(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
}

function stored(row: Record<string, unknown>): Row {
  storedRows.add(Object.freeze(row));
  return row as Row;
}

/** Whether `row` matches every field of `where`; dates compare by instant. */
export function matchesWhere(row: Row, where: Record<string, unknown>): boolean {
  for (const [field, expected] of Object.entries(where)) {
    if (expected === undefined) continue;
    const actual = hasOwnField(row, field) ? row[field] : undefined;
    if (field === 'date' || field === 'reply_to') {
      const expectedMs = dateToMs(expected);
      if (!Number.isNaN(expectedMs) && expectedMs === dateToMs(actual)) continue;
    }
    if (!valuesEqual(actual, expected instanceof Date ? expected.toISOString() : expected)) return false;
  }
  return true;
}
