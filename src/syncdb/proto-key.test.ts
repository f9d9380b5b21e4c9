import { canonicalJson } from './canonical-json.js';
import { parseChatFile, serializeChatFile } from './chat-file.js';
import { MemorySyncDB } from './memory-syncdb.js';

// JSON.parse makes `__proto__` an ordinary own key; a row carrying one must keep it, and no copy or
// merge of it may change a prototype (its own or Object.prototype).
const LINE =
  '{"__proto__":{"polluted":"yes"},"date":"2024-05-01T10:00:00.000Z","event":"chat","meta":{"__proto__":{"polluted":"nested"}},"sender_id":"alice"}';
const KEY = { date: '2024-05-01T10:00:00.000Z', sender_id: 'alice', event: 'chat' };

function ownProto(value: unknown): unknown {
  return Object.getOwnPropertyDescriptor(value, '__proto__')?.value;
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('a row with an own __proto__ key', () => {
  it('round-trips through canonicalJson exactly', () => {
    const parsed: unknown = JSON.parse(LINE);
    expect(Object.keys(parsed as object)).toContain('__proto__');
    expect(canonicalJson(parsed)).toBe(LINE);
  });

  it('round-trips through the .chat codec exactly', () => {
    const { rows, problems } = parseChatFile(`${LINE}\n`);
    expect(problems).toEqual([]);
    expect(serializeChatFile(rows)).toBe(`${LINE}\n`);
  });

  it('is kept by MemorySyncDB as an own key, at the top level and inside an object field', () => {
    const db = new MemorySyncDB([JSON.parse(LINE) as Record<string, unknown>]);
    const row = db.get_one(KEY);
    expect(ownProto(row)).toEqual({ polluted: 'yes' });
    expect(ownProto(row?.meta)).toEqual({ polluted: 'nested' });
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect((row as Record<string, unknown> | undefined)?.polluted).toBeUndefined();
    expect(serializeChatFile(db.get())).toBe(`${LINE}\n`);
  });

  it('merges, finds and deletes the key like any other field', () => {
    const db = new MemorySyncDB([KEY]);
    db.set(JSON.parse('{"date":"2024-05-01T10:00:00.000Z","sender_id":"alice","event":"chat","meta":{"__proto__":1},"__proto__":"x"}') as Record<string, unknown>);
    expect(ownProto(db.get_one(KEY))).toBe('x');
    expect(ownProto(db.get_one(KEY)?.meta)).toBe(1);
    expect(db.get(JSON.parse('{"__proto__":"x"}') as Record<string, unknown>)).toHaveLength(1);
    db.set(JSON.parse('{"date":"2024-05-01T10:00:00.000Z","sender_id":"alice","event":"chat","__proto__":null}') as Record<string, unknown>);
    expect(db.get_one(KEY)).toEqual({ ...KEY, meta: JSON.parse('{"__proto__":1}') });
    expect(Object.keys(db.get_one(KEY) ?? {})).not.toContain('__proto__');
  });

  it('does not match a where clause on __proto__ for a row without one', () => {
    const db = new MemorySyncDB([KEY]);
    expect(db.get(JSON.parse('{"__proto__":{}}') as Record<string, unknown>)).toEqual([]);
  });
});
