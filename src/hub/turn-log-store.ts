import { closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { appendFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TurnEvent } from '../protocol/index.js';
import { parseTurnLog, readLastEvent } from './turn-log-file.js';
import type { QueuedTurnRequest, TurnLogMeta, TurnLogStore } from './types.js';

type Listener = (event: TurnEvent) => void;
type TurnLog = {
  events: TurnEvent[];
  listeners: Set<Listener>;
  /** Lines appended but not yet written. */
  pendingText: string;
  /** The chain of this log's file writes, so they land in order. */
  writing: Promise<void>;
  /** A write is scheduled or running: the file is behind memory, so the log must stay cached. */
  busy: boolean;
};

const TURN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
/** Logs kept in memory without subscribers or pending writes; older ones are re-read on demand. */
const MAX_IDLE_CACHED = 32;

/**
 * True for the error of a file that is not there (any more): a delete's or discard's `rm` runs on
 * the thread pool and can land between any two reads of the file.
 */
function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** True for a turn id that is safe as a file name. */
export function isValidTurnId(turnId: string): boolean {
  return TURN_ID.test(turnId) && !turnId.includes('..');
}

/**
 * Per-turn append-only JSON-lines logs in `dir`. `append` numbers the event, stores it in memory and
 * hands it to every subscriber synchronously, and `subscribe` replays and registers synchronously:
 * no event can fall between replay and live delivery, and none can come twice. Files are written in
 * batches right after (within the same tick's I/O), in order; `flush()` waits for them.
 */
export function createTurnLogStore(dir: string): TurnLogStore {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const logs = new Map<string, TurnLog>();
  const metas = new Map<string, TurnLogMeta>();
  const logFile = (turnId: string) => path.join(dir, `${turnId}.jsonl`);
  const metaFile = (turnId: string) => path.join(dir, `${turnId}.meta.json`);
  const queuedFile = (turnId: string) => path.join(dir, `${turnId}.queued.json`);
  const removals = new Set<Promise<void>>();

  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.meta.json')) continue;
    const turnId = name.slice(0, -'.meta.json'.length);
    try {
      metas.set(turnId, JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as TurnLogMeta);
    } catch (error) {
      console.error(`[hub] turn log metadata ${name} is unreadable, ignored:`, (error as Error).message);
    }
  }

  function checkId(turnId: string): void {
    if (!isValidTurnId(turnId)) throw new Error(`invalid turn id ${JSON.stringify(turnId)}`);
  }

  /** A discarded turn has no events, also while its file is still being removed. */
  const isDiscarded = (turnId: string) => metas.get(turnId)?.logDeletedAt !== undefined;

  function loadFromDisk(turnId: string): TurnEvent[] {
    if (isDiscarded(turnId)) return [];
    const file = logFile(turnId);
    let buffer: Buffer;
    try {
      buffer = readFileSync(file);
    } catch (error) {
      if (isMissingFile(error)) return []; // no events yet, or just deleted
      throw error;
    }
    const parsed = parseTurnLog(buffer);
    for (const problem of parsed.problems) console.warn(`[hub] turn log ${turnId}: ${problem}`);
    if (parsed.validBytes < buffer.length) {
      // Cut the torn tail so the next append starts on a fresh line.
      try {
        const fd = openSync(file, 'r+');
        try {
          ftruncateSync(fd, parsed.validBytes);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        if (!isMissingFile(error)) throw error;
      }
    }
    return parsed.events;
  }

  function evictIdle(): void {
    if (logs.size <= MAX_IDLE_CACHED) return;
    for (const [turnId, log] of logs) {
      if (logs.size <= MAX_IDLE_CACHED) break;
      if (log.listeners.size === 0 && !log.busy) logs.delete(turnId);
    }
  }

  function entry(turnId: string): TurnLog {
    checkId(turnId);
    let log = logs.get(turnId);
    if (!log) {
      evictIdle();
      log = { events: loadFromDisk(turnId), listeners: new Set(), pendingText: '', writing: Promise.resolve(), busy: false };
      logs.set(turnId, log);
    }
    return log;
  }

  function scheduleWrite(turnId: string, log: TurnLog): void {
    if (log.busy) return;
    log.busy = true;
    log.writing = log.writing.then(async () => {
      // Let the appends of this tick batch into one write.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (log.pendingText !== '' && logs.get(turnId) === log) {
        const text = log.pendingText;
        log.pendingText = '';
        try {
          await appendFile(logFile(turnId), text, { mode: 0o600 });
        } catch (error) {
          console.error(`[hub] writing turn log ${turnId} failed:`, error);
        }
      }
      log.busy = false;
    });
  }

  return {
    create(turnId, meta) {
      checkId(turnId);
      if (metas.has(turnId)) throw new Error(`turn log ${turnId} already exists`);
      writeFileSync(metaFile(turnId), JSON.stringify(meta), { mode: 0o600 });
      metas.set(turnId, meta);
    },
    meta: (turnId) => metas.get(turnId),
    listByThread(chatPath, threadKey) {
      return [...metas]
        .filter(([, meta]) => meta.path === chatPath && meta.threadKey === threadKey)
        .sort(([, a], [, b]) => a.createdAt.localeCompare(b.createdAt))
        .map(([turnId]) => turnId);
    },
    append(turnId, event) {
      const log = entry(turnId);
      const numbered = { ...event, seq: log.events.length } as TurnEvent;
      log.events.push(numbered);
      log.pendingText += `${JSON.stringify(numbered)}\n`;
      scheduleWrite(turnId, log);
      for (const listener of [...log.listeners]) {
        try {
          listener(numbered);
        } catch (error) {
          console.error(`[hub] turn log ${turnId} subscriber failed:`, error);
        }
      }
      return numbered;
    },
    lastEvent(turnId) {
      checkId(turnId);
      const cached = logs.get(turnId);
      if (cached) return cached.events.at(-1);
      if (isDiscarded(turnId)) return undefined;
      try {
        return readLastEvent(logFile(turnId)) ?? entry(turnId).events.at(-1);
      } catch (error) {
        if (isMissingFile(error)) return undefined;
        throw error;
      }
    },
    read: (turnId, fromSeq = 0) => entry(turnId).events.slice(Math.max(0, fromSeq)),
    subscribe(turnId, fromSeq, listener) {
      const log = entry(turnId);
      for (const event of log.events.slice(Math.max(0, fromSeq))) listener(event);
      log.listeners.add(listener);
      return () => log.listeners.delete(listener);
    },
    list: () => [...new Set([...metas.keys(), ...readdirSync(dir).filter((name) => name.endsWith('.jsonl')).map((name) => name.slice(0, -6))])],
    delete(turnId) {
      checkId(turnId);
      const log = logs.get(turnId);
      logs.delete(turnId);
      metas.delete(turnId);
      const remove = async () => {
        await rm(logFile(turnId), { force: true });
        await rm(metaFile(turnId), { force: true });
        await rm(queuedFile(turnId), { force: true });
      };
      // Remove after any write in flight, so a late write cannot bring the file back.
      const done = (log?.writing ?? Promise.resolve())
        .then(remove)
        .catch((error: unknown) => console.error(`[hub] deleting turn log ${turnId} failed:`, error))
        .finally(() => removals.delete(done));
      removals.add(done);
    },
    discard(turnId, deletedAt) {
      checkId(turnId);
      const meta = metas.get(turnId);
      const log = logs.get(turnId);
      logs.delete(turnId);
      if (meta) {
        const tombstone = { ...meta, logDeletedAt: deletedAt };
        writeFileSync(metaFile(turnId), JSON.stringify(tombstone), { mode: 0o600 });
        metas.set(turnId, tombstone);
      }
      // As in delete: after any write in flight, so a late write cannot bring the events back.
      const done = (log?.writing ?? Promise.resolve())
        .then(() => rm(logFile(turnId), { force: true }))
        .catch((error: unknown) => console.error(`[hub] discarding turn log ${turnId} failed:`, error))
        .finally(() => removals.delete(done));
      removals.add(done);
    },
    saveQueued(turnId, request) {
      checkId(turnId);
      if (request) writeFileSync(queuedFile(turnId), JSON.stringify(request), { mode: 0o600 });
      else rmSync(queuedFile(turnId), { force: true });
    },
    queuedRequest(turnId) {
      checkId(turnId);
      try {
        return JSON.parse(readFileSync(queuedFile(turnId), 'utf8')) as QueuedTurnRequest;
      } catch {
        return undefined; // none (the usual case), or damaged: the turn is then marked interrupted
      }
    },
    stats() {
      let bytes = 0;
      let turns = 0;
      for (const name of readdirSync(dir)) {
        try {
          bytes += statSync(path.join(dir, name)).size;
        } catch {
          continue; // removed between readdir and stat
        }
        if (name.endsWith('.jsonl')) turns += 1;
      }
      return { bytes, turns };
    },
    async flush() {
      await Promise.all([...[...logs.values()].map((log) => log.writing), ...removals]);
    },
  };
}
