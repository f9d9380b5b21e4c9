import { copyFile, readFile, stat } from 'node:fs/promises';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import path from 'node:path';
import type { Row, RowKey } from '../protocol/index.js';
import { createMemorySyncDB, keyString, parseChatFile, rowKey, serializeChatFile, valuesEqual, type MemorySyncDB, type SyncDB } from '../syncdb/index.js';
import { removeStaleTemporaryFiles, writeFileAtomic } from './atomic-write.js';

/** One fan-out of a document change: rows added or changed, keys deleted. */
export type DocumentChange = { rows: Row[]; deleted: RowKey[]; version: number };

/** Writes reach disk this long after the last change, and never later than SAVE_MAX_WAIT_MS after the first. */
const SAVE_DEBOUNCE_MS = 100;
const SAVE_MAX_WAIT_MS = 500;
/** How often the file is checked for changes made by someone else (an editor, git). */
const WATCH_INTERVAL_MS = 250;
/** A file seen absent is taken as deleted only if it is still absent this much later (editors replace files). */
const DELETION_CONFIRM_MS = 400;

/** What the registry learns from a document. */
export type ChatDocumentHooks = { onGone?: (document: ChatDocument) => void };

function byKey(rows: readonly Row[]): Map<string, Row> {
  return new Map(rows.map((row) => [keyString(row), row]));
}

/**
 * One open `.chat` file: a MemorySyncDB, change fan-out to subscribers, debounced atomic saves, and
 * reload of outside edits. An outside edit is merged as the difference between the previous and the
 * new disk content, so local writes not yet saved survive it.
 */
export class ChatDocument {
  readonly db: MemorySyncDB;
  /** Counts fanned-out changes, so a client can order a snapshot against notifications. */
  version = 0;
  private readonly listeners = new Set<(change: DocumentChange) => void>();
  private diskRows: Map<string, Row>;
  private diskText: string;
  private dirtySince: number | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private applyingDisk = false;
  private closed = false;
  /** Deleted on disk with nothing unsaved: its rows were removed for clients and it saves no more. */
  private gone = false;
  /** Set by the registry when it unloads this document: callers must load the file anew. */
  retired = false;

  private constructor(readonly absolute: string, readonly relative: string, text: string, rows: Row[], private readonly hooks: ChatDocumentHooks) {
    this.db = createMemorySyncDB(rows);
    this.diskRows = byKey(this.db.get());
    this.diskText = text;
    this.db.on('change', (keys) => this.onChange(keys));
    watchFile(absolute, { interval: WATCH_INTERVAL_MS, persistent: false }, (current, previous) => this.onFileStat(current, previous));
  }

  /** Loads `absolute`; lines that cannot be parsed are reported and the original is kept as a backup. */
  static async load(absolute: string, relative: string, hooks: ChatDocumentHooks = {}): Promise<ChatDocument> {
    const text = await readFile(absolute, 'utf8');
    await removeStaleTemporaryFiles(absolute);
    const parsed = parseChatFile(text);
    if (parsed.problems.length > 0) {
      const backup = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${Date.now()}.bak`);
      await copyFile(absolute, backup);
      const lines = parsed.problems.map((problem) => `line ${problem.line}: ${problem.message}`).join('; ');
      console.warn(`[hub] ${relative}: left out unreadable lines (${lines}); the original is kept in ${path.basename(backup)}`);
    }
    return new ChatDocument(absolute, relative, text, parsed.rows, hooks);
  }

  /** Listens to changes; returns the disposer. */
  subscribe(listener: (change: DocumentChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A SyncDB view for the turn service: its writes are committed (and so fanned out) even if it forgets to. */
  syncdb(): SyncDB {
    const db = this.db;
    let scheduled = false;
    const commitSoon = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        db.commit();
      });
    };
    return {
      get: (where) => db.get(where),
      get_one: (where) => db.get_one(where),
      set: (obj) => (db.set(obj), commitSoon()),
      delete: (where) => (db.delete(where), commitSoon()),
      commit: () => db.commit(),
      on: (event, listener) => db.on(event, listener),
      off: (event, listener) => db.off(event, listener),
    };
  }

  /**
   * Sets a batch of rows as one change, all or nothing: the caller validates every row first, and
   * should a `set` still throw, the rows set before it are put back as they were.
   */
  setRows(rows: ReadonlyArray<Record<string, unknown>>): void {
    const before: Array<{ key: RowKey; row: Row | undefined }> = [];
    try {
      for (const row of rows) {
        const key = rowKey(row as RowKey);
        before.push({ key, row: this.db.get_one(key) });
        this.db.set(row);
      }
    } catch (error) {
      for (const { key, row } of before.reverse()) {
        this.db.delete(key);
        if (row) this.db.set(row);
      }
      throw error;
    }
    this.db.commit();
  }

  private onChange(keys: Set<RowKey>): void {
    const rows: Row[] = [];
    const deleted: RowKey[] = [];
    for (const key of keys) {
      const row = this.db.get_one(rowKey(key));
      if (row) rows.push(row);
      else deleted.push(rowKey(key));
    }
    this.version += 1;
    const version = this.version;
    for (const listener of [...this.listeners]) {
      try {
        listener({ rows, deleted, version });
      } catch (error) {
        console.error(`[hub] ${this.relative}: change subscriber failed:`, error);
      }
    }
    if (!this.applyingDisk) this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.gone) {
      console.warn(`[hub] ${this.relative} was deleted on disk; a later change to it is not saved`);
      return;
    }
    if (this.closed) {
      console.warn(`[hub] ${this.relative}: a change after the document was unloaded is not saved (hold it with documents.lease/hold)`);
      return;
    }
    const now = Date.now();
    this.dirtySince ??= now;
    clearTimeout(this.saveTimer);
    const delay = Math.max(0, Math.min(SAVE_DEBOUNCE_MS, this.dirtySince + SAVE_MAX_WAIT_MS - now));
    this.saveTimer = setTimeout(() => void this.save(), delay);
  }

  /** Writes the document now (after any save in progress). */
  save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.dirtySince === undefined) return this.saving;
    this.dirtySince = undefined;
    this.saving = this.saving.then(async () => {
      const rows = this.db.get();
      const text = serializeChatFile(rows);
      // Remembered before the rename, so the watcher recognises our own write.
      const previous = { text: this.diskText, rows: this.diskRows };
      this.diskText = text;
      this.diskRows = byKey(rows);
      try {
        if (this.gone) return;
        if (!(await exists(this.absolute))) {
          console.warn(`[hub] ${this.relative} was deleted on disk while it had unsaved changes; writing it back so they are not lost`);
        }
        await writeFileAtomic(this.absolute, text);
      } catch (error) {
        console.error(`[hub] saving ${this.relative} failed; will retry on the next change:`, error);
        this.diskText = previous.text;
        this.diskRows = previous.rows;
        this.dirtySince ??= Date.now();
      }
    });
    return this.saving;
  }

  private onFileStat(current: Stats, previous: Stats): void {
    if (this.closed || this.gone) return;
    if (current.nlink === 0) {
      // Absent: maybe mid-replace (an editor, git); deleted if it is still absent a little later.
      setTimeout(() => void (this.saving = this.saving.then(() => this.checkDeleted())), DELETION_CONFIRM_MS).unref();
      return;
    }
    if (current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino) return;
    this.saving = this.saving.then(() => this.reloadFromDisk());
  }

  private async reloadFromDisk(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.absolute, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.error(`[hub] re-reading ${this.relative} failed:`, error);
      return;
    }
    if (text === this.diskText || this.closed) return;
    const parsed = parseChatFile(text);
    if (parsed.problems.length > 0) {
      console.warn(`[hub] ${this.relative} changed on disk with ${parsed.problems.length} unreadable line(s); they are left out`);
    }
    const next = byKey(parsed.rows);
    this.applyingDisk = true;
    try {
      for (const [id, row] of this.diskRows) if (!next.has(id)) this.db.delete(rowKey(row));
      for (const [id, row] of next) {
        const before = this.diskRows.get(id);
        if (before && valuesEqual(before, row)) continue;
        // Replace the whole row: a merge would keep fields the outside edit removed.
        this.db.delete(rowKey(row));
        this.db.set(row);
      }
      this.diskRows = next;
      this.diskText = text;
      this.db.commit();
    } finally {
      this.applyingDisk = false;
    }
  }

  /**
   * The file was deleted by someone else. With unsaved local writes the hub's copy is written back
   * (and the log says why); otherwise every row is deleted for the clients and the document is
   * dropped, so the deletion is not undone by a later save.
   */
  private async checkDeleted(): Promise<void> {
    if (this.closed || this.gone || (await exists(this.absolute))) return;
    if (this.dirtySince !== undefined) return void (await this.save());
    this.gone = true;
    clearTimeout(this.saveTimer);
    console.warn(`[hub] ${this.relative} was deleted on disk; its rows are removed for clients`);
    this.applyingDisk = true;
    try {
      for (const row of this.db.get()) this.db.delete(rowKey(row));
      this.db.commit();
    } finally {
      this.applyingDisk = false;
    }
    this.closed = true;
    this.retired = true;
    unwatchFile(this.absolute);
    this.hooks.onGone?.(this);
  }

  /** Saves pending writes and stops watching. */
  async close(): Promise<void> {
    await this.save();
    this.closed = true;
    unwatchFile(this.absolute);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
