import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Row } from '../protocol/index.js';
import { parseChatFile, serializeChatFile } from './chat-file.js';
import { MemorySyncDB } from './memory-syncdb.js';

const LEGACY = readFileSync(new URL('../../fixtures/data/chat/cocalc-legacy.chat', import.meta.url), 'utf8');

describe('parseChatFile', () => {
  it('loads the good rows of a CoCalc file and reports each bad line by number', () => {
    const { rows, problems } = parseChatFile(LEGACY);
    expect(rows).toHaveLength(10);
    expect(problems.map((problem) => problem.line)).toEqual([8, 9, 10, 11]);
    expect(problems[0].message).toMatch(/^not JSON/);
    expect(problems[2].message).toBe('not a JSON object');
    expect(problems[3].message).toMatch(/date/);
    expect(rows.filter((row) => row.event === 'draft').map((row) => row.date)).toEqual([0, -1693569600000]);
  });

  it('keeps legacy rows as stored (upgrades happen when read, not on load)', () => {
    const { rows } = parseChatFile(LEGACY);
    expect(rows[0]).toMatchObject({ mesg: { content: 'Has anyone got the **homework 3** solutions compiling?' } });
    expect(rows[0]).not.toHaveProperty('history');
  });

  it('handles CRLF line ends, blank lines and an empty file', () => {
    expect(parseChatFile('')).toEqual({ rows: [], problems: [] });
    const { rows, problems } = parseChatFile('\r\n{"date":"2024-01-01T00:00:00.000Z","sender_id":"a","event":"chat"}\r\n\r\n');
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('keeps the later of two lines with the same primary key and says so', () => {
    const line = (name: string) => JSON.stringify({ date: '2024-01-01T00:00:00.000Z', sender_id: 'a', event: 'chat', name });
    const { rows, problems } = parseChatFile(`${line('first')}\n${line('second')}\n`);
    expect(rows.map((row) => row.name)).toEqual(['second']);
    expect(problems).toEqual([{ line: 2, message: 'same primary key as line 1; the later line is kept' }]);
  });

  it('refuses a non-string input column', () => {
    const { rows, problems } = parseChatFile('{"date":0,"sender_id":"a","event":"draft","input":42}');
    expect(rows).toEqual([]);
    expect(problems[0]).toEqual({ line: 1, message: 'input: expected a string' });
  });

  it('survives 10,000 random malformed lines, reporting each one', () => {
    const junk = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ date: fc.oneof(fc.string(), fc.double(), fc.constant(null)), sender_id: fc.anything(), event: fc.anything() }).map((value) => JSON.stringify(value)),
    ).filter((line) => line.trim() !== '' && !line.includes('\n'));
    const lines = fc.sample(junk, { numRuns: 10_000, seed: 42 });
    const { rows, problems } = parseChatFile(lines.join('\n'));
    expect(rows.length + problems.length).toBe(lines.length);
    expect(problems.length).toBeGreaterThan(9_000);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
  });
});

describe('serializeChatFile', () => {
  it('writes the same text for the same rows in any order, and reads back what it wrote', () => {
    const { rows } = parseChatFile(LEGACY);
    const text = serializeChatFile(rows);
    expect(serializeChatFile([...rows].reverse())).toBe(text);
    expect(parseChatFile(text)).toEqual({ rows: expect.arrayContaining(rows) as unknown as Row[], problems: [] });
    expect(text.split('\n')[0]).toBe('{"active":1706000000000,"date":-1693569600000,"event":"draft","input":"reply draft","sender_id":"7c5e4a2b-1111-4c3d-9e8f-0a1b2c3d4e5f"}');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('round-trips a MemorySyncDB snapshot', () => {
    const db = new MemorySyncDB(parseChatFile(LEGACY).rows);
    db.set({ date: '2024-02-10T08:00:00.000Z', sender_id: '7c5e4a2b-1111-4c3d-9e8f-0a1b2c3d4e5f', event: 'chat', name: 'Renamed' });
    const reopened = new MemorySyncDB(parseChatFile(serializeChatFile(db.get())).rows);
    expect(serializeChatFile(reopened.get())).toBe(serializeChatFile(db.get()));
    expect(reopened.size).toBe(10);
  });
});
