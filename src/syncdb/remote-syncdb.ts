import { ACP_API_ERROR_CODES, type Row, type RowKey } from '../protocol/index.js';
import { ACP_API_CLIENT_ERROR_CODES, AcpApiError, type AcpApi } from '../acp-api/index.js';
import { FlushWaiters } from './flush-waiters.js';
import { keyString, rowKey } from './keys.js';
import { valuesEqual } from './row-values.js';
import { MemorySyncDB } from './memory-syncdb.js';
import { afterNextPaint, nextTask } from './yield-to-browser.js';
import type { ChangeListener, SyncDB, Where } from './types.js';

type LocalWrite = { kind: 'set'; rows: Row[] } | { kind: 'delete'; keys: RowKey[] };
/** A local write not yet confirmed by the hub; `seq` numbers the first local write it carries. */
type PendingWrite = LocalWrite & { seq: number };
type Pending = { write: PendingWrite; inFlight: boolean };
type RemoteChange = { rows: Row[]; deleted: RowKey[]; version?: number };
/** How `open` starts: `thread` asks the hub for that thread first (see `loading`). */
export type RemoteSyncDBOptions = { onError?: (error: unknown) => void; thread?: string };

/** Rows of the rest of a thread-first document applied per task (15-30 ms each in Chromium traces here; 1,000 took 30-60). */
const REST_SLICE_ROWS = 500;
/** The first retry of a failed whole load after a thread-first open, and the longest wait between tries. */
const REST_RETRY_FIRST_MS = 1_000;
const REST_RETRY_MAX_MS = 30_000;

/** A refusal that trying again will not change: the document is not there, or not yours to read. */
function isFinal(error: unknown): boolean {
  if (!AcpApiError.isInstance(error)) return false;
  const { forbidden, notFound, pathOutsideWorkspace, invalidParams, authRequired } = ACP_API_ERROR_CODES;
  return ([forbidden, notFound, pathOutsideWorkspace, invalidParams, authRequired] as number[]).includes(error.code);
}

/**
 * The SyncDB interface over the acp-api (`chat.open` + `chat.change` + `chat.set`/`chat.delete`).
 * `base` mirrors the hub; `view` (what readers see) is `base` with the pending local writes applied
 * on top, so a local write shows at once and survives remote changes until the hub confirms it. On
 * reconnect it re-opens the document, resynchronizes `base`, and re-sends every unconfirmed write.
 * `flushed()` tells when the hub has the writes made so far, for requests that need them there.
 */
export class RemoteSyncDB implements SyncDB {
  private readonly base = new MemorySyncDB();
  private readonly view = new MemorySyncDB();
  private readonly pending: Pending[] = [];
  private readonly unsent: PendingWrite[] = [];
  private readonly stops: Array<() => void> = [];
  private readonly flushWaiters = new FlushWaiters();
  /** Local writes made so far (the `seq` of the latest). */
  private writes = 0;
  private hubPath: string;
  /** Version of the last change applied to `base`; notifications at or below it are already in. */
  private version = -1;
  /** Notifications received while a chat.open is in flight, re-checked against its snapshot. */
  private buffered: RemoteChange[] | undefined;
  private commitScheduled = false;
  private closed = false;
  /** Counts loads, so a slower one that a newer one (a resync) overtook stops. */
  private loads = 0;
  private whole: { promise: Promise<void>; resolve(): void } | undefined;

  private constructor(private readonly api: AcpApi, readonly path: string, private readonly onError: (error: unknown) => void) {
    this.hubPath = path;
  }

  /**
   * Opens `path` on the hub; resolves once the rows are loaded. With `thread`, once that thread's rows
   * are (a thread-first open of a long chat): the rest follows after the next paint, in slices, and
   * `loading` is set until it is all there.
   */
  static async open(api: AcpApi, path: string, options: RemoteSyncDBOptions = {}): Promise<RemoteSyncDB> {
    const db = new RemoteSyncDB(api, path, options.onError ?? ((error) => console.error(`[syncdb] ${path}:`, error)));
    db.stops.push(api.on('chat.change', (change) => change.path === db.hubPath && db.onRemote(change)));
    db.stops.push(api.onConnectionChange((state) => state.type === 'open' && void db.resync()));
    const partial = await db.load({ thread: options.thread });
    if (partial) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      db.whole = { promise, resolve };
      void db.loadRest();
    }
    return db;
  }

  /**
   * Set while the document is still arriving (a thread-first open): the rows of the open thread are
   * there, of other threads only their root and newest message. Resolves when every row is in.
   */
  get loading(): Promise<void> | undefined {
    return this.whole?.promise;
  }

  get(where?: Where): Row[] {
    return this.view.get(where);
  }

  get_one(where: Where): Row | undefined {
    return this.view.get_one(where);
  }

  set(obj: Record<string, unknown>): void {
    this.view.set(obj);
    const row = (obj.date instanceof Date ? { ...obj, date: obj.date.toISOString() } : obj) as Row;
    this.queue({ kind: 'set', rows: [row] });
  }

  delete(where?: Where): void {
    const keys = this.view.get(where).map((row) => rowKey(row));
    this.view.delete(where);
    if (keys.length > 0) this.queue({ kind: 'delete', keys });
  }

  commit(): void {
    this.view.commit();
    this.send();
  }

  on(_event: 'change', listener: ChangeListener): void {
    this.view.on('change', listener);
  }

  off(_event: 'change', listener: ChangeListener): void {
    this.view.off('change', listener);
  }

  /** Local writes the hub has not confirmed yet. */
  pendingCount(): number {
    return this.pending.length + this.unsent.length;
  }

  /**
   * Resolves once the hub has answered every write made before this call (confirmed, or refused and
   * rolled back); waits through reconnects. A request that needs those rows on the hub (`turn.send`
   * needs the prompt's row) awaits this first, so it can never reach the hub before them. Rejects if
   * the document is closed first.
   */
  flushed(): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`[syncdb] ${this.path} is closed`));
    return this.flushWaiters.wait(this.writes, this.oldestUnanswered());
  }

  /** Stops listening and tells the hub; unconfirmed writes are dropped. */
  close(): void {
    this.closed = true;
    for (const stop of this.stops) stop();
    this.flushWaiters.rejectAll(new Error(`[syncdb] ${this.path} was closed before the hub had its writes`));
    this.api.call('chat.close', { path: this.hubPath }).catch((error: unknown) => {
      // Without a connection there is nothing to tell: the hub closes a leaving client's documents itself.
      if (isDisconnected(error)) return;
      this.onError(error);
    });
  }

  private queue(write: LocalWrite): void {
    this.writes += 1;
    // Consecutive sets travel as one chat.set (under the seq of the first).
    const last = this.unsent.at(-1);
    if (last?.kind === 'set' && write.kind === 'set') last.rows.push(...write.rows);
    else this.unsent.push({ ...write, seq: this.writes });
    // Writes are sent at commit; without an explicit commit they still go out after this tick.
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    queueMicrotask(() => {
      this.commitScheduled = false;
      this.commit();
    });
  }

  /**
   * Loads the document's snapshot into `base` and the view. With `thread`, the hub may answer with
   * part of it (returns true then). With `sliced`, the rows are applied a slice per task, each slice
   * one change event, so the page stays responsive; changes arriving meanwhile wait in `buffered`.
   */
  private async load({ thread, sliced = false }: { thread?: string; sliced?: boolean } = {}): Promise<boolean> {
    const generation = ++this.loads;
    const buffered: RemoteChange[] = [];
    this.buffered = buffered;
    const release = () => {
      if (this.buffered === buffered) this.buffered = undefined;
    };
    let opened;
    try {
      opened = await this.api.call('chat.open', thread === undefined ? { path: this.path } : { path: this.path, thread });
      this.hubPath = opened.path ?? this.path;
      if (sliced) {
        if (!(await this.applySliced(opened.rows, generation))) return true; // a newer load took over
      } else {
        this.applySnapshot(opened.rows);
      }
    } finally {
      release();
    }
    this.version = opened.version ?? -1;
    const partial = opened.partial === true;
    if (!partial) this.markWhole();
    // Frames are handled in batches, so changes newer than the snapshot may have arrived before it.
    for (const change of buffered) this.onRemote(change);
    return partial;
  }

  /** Replaces `base` by `rows` at once and brings the view in line. */
  private applySnapshot(rows: readonly Row[]): void {
    const touched: RowKey[] = [];
    if (this.base.size > 0) {
      const fresh = new Set(rows.map((row) => keyString(row)));
      for (const row of this.base.get()) if (!fresh.has(keyString(row))) touched.push(rowKey(row));
      this.base.delete({});
    }
    for (const row of rows) {
      this.base.adopt(row);
      touched.push(rowKey(row));
    }
    this.base.commit();
    if (this.view.size === 0 && this.pending.length === 0 && this.unsent.length === 0) {
      // The first open (nothing shown, no local writes): the view is the base, sharing its frozen
      // rows. This skips rebuild's per-row merge of pending writes and comparison, and a second copy.
      this.view.fillFrom(this.base);
      this.view.commit();
    } else {
      this.rebuild(touched);
    }
  }

  /**
   * Replaces `base` by `rows` a slice per task (each row replaces its stored one; rows no longer in
   * the document go last). False when a newer load started meanwhile: it replaces `base` itself.
   */
  private async applySliced(rows: readonly Row[], generation: number): Promise<boolean> {
    const fresh = new Set<string>();
    for (let start = 0; start < rows.length; start += REST_SLICE_ROWS) {
      if (start > 0) await nextTask();
      if (generation !== this.loads || this.closed) return false;
      const slice = rows.slice(start, start + REST_SLICE_ROWS);
      for (const row of slice) {
        fresh.add(keyString(row));
        this.base.delete(rowKey(row));
        this.base.adopt(row);
      }
      this.base.commit();
      this.rebuild(slice);
    }
    const gone = this.base.get().filter((row) => !fresh.has(keyString(row))).map((row) => rowKey(row));
    for (const key of gone) this.base.delete(key);
    this.base.commit();
    this.rebuild(gone);
    return true;
  }

  /**
   * After a thread-first open: the whole document, once the thread is on screen. A failed load (a
   * timeout, an overloaded hub) is reported once and tried again, 1 s later and then twice as long
   * each time up to 30 s, until the document is whole; not when the hub says it never will be (no
   * such document, no access), and not without a connection: the resync when it is back loads it.
   */
  private async loadRest(): Promise<void> {
    await afterNextPaint();
    for (let attempt = 0; !this.closed && this.whole; attempt += 1) {
      try {
        await this.load({ sliced: true });
        return;
      } catch (error) {
        if (isDisconnected(error) || (AcpApiError.isInstance(error) && error.code === ACP_API_ERROR_CODES.hostUnavailable)) return;
        const final = isFinal(error);
        if (attempt === 0 || final) this.onError(error);
        if (final) return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(REST_RETRY_MAX_MS, REST_RETRY_FIRST_MS * 2 ** attempt)));
    }
  }

  private markWhole(): void {
    this.whole?.resolve();
    this.whole = undefined;
  }

  private onRemote(change: RemoteChange): void {
    if (this.buffered) {
      this.buffered.push(change);
      return;
    }
    if (change.version !== undefined) {
      if (change.version <= this.version) return;
      this.version = change.version;
    }
    this.applyRemote(change.rows, change.deleted);
  }

  private async resync(): Promise<void> {
    if (this.closed) return;
    try {
      await this.load(); // the whole document, also after a thread-first open
    } catch (error) {
      this.onError(error);
      return;
    }
    // Writes that were in flight when the connection dropped go out again (set and delete are idempotent).
    for (const entry of this.pending) entry.inFlight = false;
    this.send();
  }

  private applyRemote(rows: Row[], deleted: RowKey[]): void {
    for (const key of deleted) this.base.delete(rowKey(key));
    for (const row of rows) {
      this.base.delete(rowKey(row));
      this.base.adopt(row);
    }
    this.base.commit();
    this.rebuild([...deleted, ...rows]);
  }

  /** Recomputes the view rows of `keys` as base + pending writes; emits one change for those that differ. */
  private rebuild(keys: readonly RowKey[]): void {
    const wanted = new Set(keys.map((key) => keyString(key)));
    // The pending operations of each wanted row, in order, gathered in one pass.
    const operations = new Map<string, Array<Row | null>>();
    for (const write of [...this.pending.map((entry) => entry.write), ...this.unsent]) {
      for (const item of write.kind === 'set' ? write.rows : write.keys) {
        const id = keyString(item);
        if (!wanted.has(id)) continue;
        let list = operations.get(id);
        if (!list) operations.set(id, (list = []));
        list.push(write.kind === 'set' ? (item as Row) : null);
      }
    }
    const done = new Set<string>();
    for (const key of keys) {
      const id = keyString(key);
      if (done.has(id)) continue;
      done.add(id);
      const where = rowKey(key);
      const baseRow = this.base.get_one(where);
      let target = baseRow;
      const list = operations.get(id);
      if (list) {
        const scratch = new MemorySyncDB(baseRow ? [baseRow] : []);
        for (const operation of list) {
          if (operation) scratch.set(operation);
          else scratch.delete(where);
        }
        target = scratch.get_one(where);
      }
      const current = this.view.get_one(where);
      if (target === undefined ? current === undefined : current !== undefined && valuesEqual(current, target)) continue;
      this.view.delete(where);
      if (target) this.view.set(target);
    }
    this.view.commit();
  }

  private send(): void {
    for (const write of this.unsent.splice(0)) this.pending.push({ write, inFlight: false });
    if (this.api.connectionState().type !== 'open') return; // resync sends them when the hub is back
    for (const entry of this.pending) if (!entry.inFlight) this.sendOne(entry);
  }

  private sendOne(entry: Pending): void {
    entry.inFlight = true;
    const { write } = entry;
    const call =
      write.kind === 'set'
        ? this.api.call('chat.set', { path: this.hubPath, rows: write.rows })
        : this.api.call('chat.delete', { path: this.hubPath, keys: write.keys });
    call.then(
      () => this.confirm(entry),
      (error: unknown) => {
        if (AcpApiError.isInstance(error) && isRetryable(error.code)) {
          entry.inFlight = false; // kept: sent again after the reconnect (or, in a cluster, when the project's host is back)
          return;
        }
        // The hub refused the write: roll it back locally and say so.
        this.confirm(entry);
        this.onError(error);
      },
    );
  }

  private confirm(entry: Pending): void {
    const index = this.pending.indexOf(entry);
    if (index === -1) return;
    this.pending.splice(index, 1);
    this.rebuild(entry.write.kind === 'set' ? entry.write.rows : entry.write.keys);
    this.flushWaiters.settle(this.oldestUnanswered());
  }

  /** The seq of the oldest write the hub has not answered; Infinity when there is none. */
  private oldestUnanswered(): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const entry of this.pending) oldest = Math.min(oldest, entry.write.seq);
    for (const write of this.unsent) oldest = Math.min(oldest, write.seq);
    return oldest;
  }
}

/** A write that failed this way never reached a hub that could refuse it: lost connection, timeout, the project's host unavailable (cluster). */
function isRetryable(code: number): boolean {
  return code === ACP_API_CLIENT_ERROR_CODES.connectionLost || code === ACP_API_CLIENT_ERROR_CODES.timeout || code === ACP_API_ERROR_CODES.hostUnavailable;
}

/** The call failed for want of a connection (dropped, or the client closed), not because the hub refused it. */
function isDisconnected(error: unknown): boolean {
  return AcpApiError.isInstance(error) && (error.code === ACP_API_CLIENT_ERROR_CODES.connectionLost || error.code === ACP_API_CLIENT_ERROR_CODES.closed);
}

/** Opens a chat document on the hub as a SyncDB. */
export function createRemoteSyncDB(api: AcpApi, path: string, options?: RemoteSyncDBOptions): Promise<RemoteSyncDB> {
  return RemoteSyncDB.open(api, path, options);
}
