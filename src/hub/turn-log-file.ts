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
