import type { Row, RowKey } from '../protocol/index.js';

/** A `where` clause: field values a row must equal (dates as ISO strings). */
export type Where = Record<string, unknown>;

/** Listener of `'change'`: the primary keys of rows added, changed or deleted since the last event. */
export type ChangeListener = (changed: Set<RowKey>) => void;

/**
 * The chat document, with CoCalc's syncdb semantics (SPEC "The chat document"): primary key
 * `[date, sender_id, event]`, `set` updates-or-inserts, `null` deletes a field, object fields merge
 * shallowly, `'change'` carries the keys of changed rows, coalesced per commit.
 */
export interface SyncDB {
  /** All rows matching `where` (all rows when omitted). */
  get(where?: Where): Row[];
  /** The row matching `where`, or undefined. O(1) when `where` is a full primary key. */
  get_one(where: Where): Row | undefined;
  /** Update the row matching the primary key in `obj`, or insert it. */
  set(obj: Record<string, unknown>): void;
  /** Delete every row matching `where`. */
  delete(where: Where): void;
  /** Emit one `'change'` with everything set or deleted since the last commit. */
  commit(): void;
  /**
   * Resolves once the hub (or whatever backs the document) has every write made before the call.
   * Optional: a document written in place (MemorySyncDB, a host app's syncdb) has nothing to wait for.
   */
  flushed?(): Promise<void>;
  /**
   * Set while the document is still arriving, resolved once every row is in. Optional: only a
   * RemoteSyncDB opened thread-first has it (its other threads have only their root and newest row).
   */
  readonly loading?: Promise<void>;
  on(event: 'change', listener: ChangeListener): void;
  off(event: 'change', listener: ChangeListener): void;
}
