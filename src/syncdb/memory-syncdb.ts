import type { Row, RowKey } from '../protocol/index.js';
import { isFullKey, keyString, rowKey, rowKeyProblem } from './keys.js';
import { adoptRow, isStoredRow, matchesWhere, mergeRow } from './row-values.js';
import type { ChangeListener, SyncDB, Where } from './types.js';

/**
 * An in-memory chat document with CoCalc's syncdb semantics (SPEC "The chat document"). Rows live in
 * a Map keyed by `keyString(primary key)`, so primary-key lookups are O(1); other where clauses scan.
 * Stored rows are frozen and replaced on change, so `get()` is a cheap snapshot.
 */
export class MemorySyncDB implements SyncDB {
  private readonly rows = new Map<string, Row>();
  private readonly pending = new Map<string, RowKey>();
  private readonly listeners = new Set<ChangeListener>();

  /** Starts with `rows` (no change event for them); each goes through `set`, so nulls are dropped. */
  constructor(rows: Iterable<Record<string, unknown>> = []) {
    for (const row of rows) this.set(row);
    this.pending.clear();
  }

  /** Number of rows. */
  get size(): number {
    return this.rows.size;
  }

  get(where?: Where): Row[] {
    if (where === undefined || Object.keys(where).length === 0) return [...this.rows.values()];
    if (isFullKey(where)) {
      const row = this.rows.get(keyString(where));
      return row ? [row] : [];
    }
    return [...this.rows.values()].filter((row) => matchesWhere(row, where));
  }

  get_one(where: Where): Row | undefined {
    if (isFullKey(where)) return this.rows.get(keyString(where));
    for (const row of this.rows.values()) if (matchesWhere(row, where)) return row;
    return undefined;
  }

  /** Updates or inserts the row named by the primary key in `obj`. Throws on an invalid key or a non-string `input`. */
  set(obj: Record<string, unknown>): void {
    this.write(obj, false);
  }

  /**
   * `set` of a row that no one else holds or will change (fresh from JSON.parse: a hub's answer): a
   * new one is frozen in place and stored without a copy (see adoptRow). A RemoteSyncDB's load.
   */
  adopt(row: Record<string, unknown>): void {
    this.write(row, true);
  }

  private write(obj: Record<string, unknown>, owned: boolean): void {
    const keyed = obj.date instanceof Date ? { ...obj, date: obj.date.toISOString() } : obj;
    const problem = rowKeyProblem(keyed);
    if (problem) throw new TypeError(`[syncdb] set: invalid primary key (${problem})`);
    if (keyed.input != null && typeof keyed.input !== 'string') throw new TypeError('[syncdb] set: input must be a string');
    const id = keyString(keyed);
    const old = this.rows.get(id);
    // A row another MemorySyncDB stored is already a frozen deep copy: inserting it needs no copy.
    const next = old === undefined && isStoredRow(keyed) ? keyed : old === undefined && owned ? adoptRow(keyed) : mergeRow(old, keyed);
    if (next === old) return;
    this.rows.set(id, next);
    this.pending.set(id, rowKey(next));
  }

  /**
   * Adds every row of `source` to this empty document, as `set` of each would, without copying:
   * stored rows are frozen and replaced on change, so both documents can share them. A
   * RemoteSyncDB's first view of its base costs O(rows) map inserts this way.
   */
  fillFrom(source: MemorySyncDB): void {
    if (this.rows.size > 0) throw new Error('[syncdb] fillFrom: the document is not empty');
    for (const [id, row] of source.rows) {
      this.rows.set(id, row);
      this.pending.set(id, rowKey(row));
    }
  }

  /** Deletes every row matching `where`; with no where (or `{}`) every row, as CoCalc does. */
  delete(where: Where = {}): void {
    for (const row of this.get(where)) {
      const id = keyString(row);
      this.rows.delete(id);
      this.pending.set(id, rowKey(row));
    }
  }

  commit(): void {
    if (this.pending.size === 0) return;
    const changed = new Set<RowKey>(this.pending.values());
    this.pending.clear();
    for (const listener of [...this.listeners]) {
      try {
        listener(changed);
      } catch (error) {
        // One broken listener must not keep the others (other stores, the hub) from the change.
        console.error('[syncdb] change listener failed:', error);
      }
    }
  }

  on(_event: 'change', listener: ChangeListener): void {
    this.listeners.add(listener);
  }

  off(_event: 'change', listener: ChangeListener): void {
    this.listeners.delete(listener);
  }
}

/** A MemorySyncDB holding `rows` (for example the rows of a parsed `.chat` file). */
export function createMemorySyncDB(rows?: Iterable<Record<string, unknown>>): MemorySyncDB {
  return new MemorySyncDB(rows);
}

