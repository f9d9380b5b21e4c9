import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { TurnEvent } from '../protocol/index.js';

/** What a turn log file holds: the whole events, and how many bytes of the file they span. */
export type ParsedTurnLog = { events: TurnEvent[]; validBytes: number; problems: string[] };

function isEventLike(value: unknown): value is TurnEvent {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.seq === 'number' && typeof record.type === 'string' && typeof record.t === 'number';
}

/**
 * Parses a turn log (JSON lines). A last line without its newline is what a crash mid-write leaves:
 * it is dropped and `validBytes` ends before it, so the store can truncate and continue from the
 * last whole event. A damaged line in the middle becomes a `notice` event in its place, so seq
 * stays gap-free and the events after it are kept.
 */
export function parseTurnLog(buffer: Buffer): ParsedTurnLog {
  const events: TurnEvent[] = [];
  const problems: string[] = [];
  let offset = 0;
  let validBytes = 0;
  while (offset < buffer.length) {
    const newline = buffer.indexOf(0x0a, offset);
    if (newline === -1) {
      problems.push(`ignored a torn last line (${buffer.length - offset} bytes)`);
      break;
    }
    const line = buffer.toString('utf8', offset, newline).trim();
    offset = newline + 1;
    validBytes = offset;
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`skipped a damaged line ending at byte ${offset}`);
      continue;
    }
    if (!isEventLike(value) || value.seq < events.length) {
      problems.push(`skipped a line that is not event ${events.length} at byte ${offset}`);
      continue;
    }
    while (events.length < value.seq) {
      events.push({ seq: events.length, t: value.t, type: 'notice', level: 'warning', message: 'a damaged event of this turn log was lost' });
    }
    events.push(value);
  }
  return { events, validBytes, problems };
}

/** How much of a log's end `readLastEvent` reads; a longer last event falls back to a full read. */
const TAIL_BYTES = 64 * 1024;

/**
 * The last whole event of a turn log file, read from its end only (so start-up does not read every
 * log in full); a torn last line is skipped. Undefined when the tail holds no whole event.
 */
export function readLastEvent(file: string): TurnEvent | undefined {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    lines.pop(); // after the last newline: empty, or a torn line
    if (start > 0) lines.shift(); // the first line may begin before the tail
    for (const line of lines.reverse()) {
      try {
        const value: unknown = JSON.parse(line);
        if (isEventLike(value)) return value;
      } catch {
        // A damaged line: look at the one before.
      }
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
