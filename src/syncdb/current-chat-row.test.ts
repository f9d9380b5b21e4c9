import fc from 'fast-check';
import { readCurrentChatRow } from './current-chat-row.js';
import { MemorySyncDB } from './memory-syncdb.js';
import { upgradeChatRow, upgradeChatRowBySchema } from './upgrade-chat-row.js';

const DATE = '2024-05-01T10:00:00.000Z';
const CURRENT = { event: 'chat', date: DATE, sender_id: 'alice', history: [{ author_id: 'alice', content: 'hi', date: DATE }], schema_version: 1 };

// Values each field may take: mostly current ones, sometimes the malformed ones the schema refuses or repairs.
const junk = fc.anything({ maxDepth: 1 });
const mostly = <T,>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = junk) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });
const anyDate = mostly(fc.constantFrom(DATE, '2024-05-01T10:00:01Z'), fc.constantFrom('soon', 1714557600000, null, undefined));
const entry = mostly(
  fc.record({ author_id: fc.constantFrom('alice', 'bob'), content: fc.string({ maxLength: 4 }), date: anyDate }),
  fc.oneof(
    fc.constant({ date: DATE, content: 'x', author_id: 'alice' }), // out of the schema's key order
    fc.constant({ author_id: 'alice', content: 'x', date: DATE, extra: 1 }),
    fc.constant({ author_id: 'alice', content: { rich: true }, date: DATE }),
    fc.record({ author_id: fc.constant('alice'), content: fc.constant('x') }),
    junk,
  ),
);
const fields = {
  event: mostly(fc.constant('chat'), fc.constantFrom('draft', 7)),
  date: anyDate,
  sender_id: mostly(fc.constantFrom('alice', 'bob')),
  history: mostly(fc.array(entry, { maxLength: 3 })),
  reply_to: anyDate,
  generating: mostly(fc.boolean()),
  name: mostly(fc.string({ maxLength: 3 })),
  pin: mostly(fc.boolean()),
  folding: mostly(fc.array(fc.constantFrom('alice', 'bob'), { maxLength: 2 }), fc.array(junk, { maxLength: 2 })),
  feedback: mostly(fc.dictionary(fc.constantFrom('alice', 'bob'), fc.constantFrom('up', 'down')), fc.oneof(fc.dictionary(fc.constantFrom('__proto__', 'x'), junk), junk)),
  editing: mostly(fc.dictionary(fc.string({ maxLength: 2 }), junk)),
  schema_version: junk,
  acp_config: mostly(fc.record({ agent: fc.constantFrom('codex', ''), model: fc.string({ maxLength: 3 }) })),
  acp_account_id: mostly(fc.string({ maxLength: 3 })),
  acp_thread_id: mostly(fc.string({ maxLength: 3 })),
  acp_usage: mostly(fc.record({ used: fc.integer(), size: fc.nat() })),
  acp_turn: mostly(fc.record({ id: fc.string({ maxLength: 3 }), state: fc.constantFrom('running', 'completed', 'bogus') })),
  'read-alice': junk,
  zzz: junk,
};
const rare = { payload: junk, mesg: junk };
// Rows carry a few of the fields (a record of all would nearly always hold one bad value).
const row = fc
  .tuple(fc.subarray(Object.keys(fields), { maxLength: 5 }), fc.record(fields), fc.record(rare, { requiredKeys: [] }), fc.nat(9))
  .map(([keys, values, legacy, spice]) => {
    const picked: Record<string, unknown> = { ...CURRENT };
    for (const key of keys) picked[key] = values[key as keyof typeof values];
    return spice === 0 ? { ...picked, ...legacy } : picked;
  });

/** The fast reader either gives up or gives exactly the schema's row: same values, same key order. */
function agreesWithSchema(raw: Record<string, unknown>): boolean {
  const fast = readCurrentChatRow(raw);
  if (fast === undefined) return false;
  const bySchema = upgradeChatRowBySchema(raw);
  expect(bySchema.ok).toBe(true);
  if (!bySchema.ok) return true;
  expect(fast).toStrictEqual(bySchema.value);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(bySchema.value));
  return true;
}

describe('readCurrentChatRow (the fast path of upgradeChatRow)', () => {
  it('never accepts a row the schema refuses or repairs, and otherwise reads it exactly as the schema does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(row, (raw) => {
        if (agreesWithSchema(raw)) accepted += 1;
      }),
      { numRuns: 3_000, seed: 9 },
    );
    // The cases must reach the fast path often enough to test it, and be refused often enough too.
    expect(accepted).toBeGreaterThan(600);
    expect(accepted).toBeLessThan(2_700);
  });

  it('reads stored rows (frozen, as a MemorySyncDB keeps them) the same way, sharing their frozen parts', () => {
    const stored = new MemorySyncDB([{ ...CURRENT, reply_to: DATE, folding: ['bob'], feedback: { bob: 'up' }, acp_usage: { used: 1, size: 2 }, 'read-alice': 3 }]).get()[0];
    expect(agreesWithSchema(stored)).toBe(true);
    const fast = readCurrentChatRow(stored);
    expect(fast?.history).toBe(stored.history);
    expect(fast?.folding).toBe(stored.folding);
  });

  it('copies unfrozen nested values, so freezing the result never freezes the caller’s row', () => {
    const raw = { ...CURRENT, history: [{ author_id: 'alice', content: 'hi', date: DATE }], folding: ['bob'] };
    const fast = readCurrentChatRow(raw);
    expect(fast?.history).not.toBe(raw.history);
    expect(fast?.history[0]).not.toBe(raw.history[0]);
    expect(fast?.folding).not.toBe(raw.folding);
  });

  it('refuses each kind of row the schema must handle', () => {
    for (const raw of [
      { ...CURRENT, date: 1714557600000 },
      { ...CURRENT, reply_to: 'soon' },
      { ...CURRENT, history: [{ author_id: 'alice', content: 5, date: DATE }] },
      { ...CURRENT, history: [{ author_id: 'alice', content: 'x', date: DATE, extra: 1 }] },
      { ...CURRENT, history: [{ content: 'x', date: DATE }] },
      { ...CURRENT, pin: 'yes' },
      { ...CURRENT, folding: [1] },
      { ...CURRENT, feedback: { bob: 1 } },
      { ...CURRENT, acp_usage: { used: 'lots' } },
      { ...CURRENT, editing: {} },
      { ...CURRENT, payload: { content: 'old' } },
      { ...CURRENT, event: 'draft' },
      { ...CURRENT, sender_id: 7 },
      JSON.parse(`{"event":"chat","date":"${DATE}","sender_id":"a","history":[],"__proto__":{"x":1}}`) as Record<string, unknown>,
    ]) {
      expect(readCurrentChatRow(raw)).toBeUndefined();
      // …and upgradeChatRow still reads it as the schema does.
      expect(upgradeChatRow(raw)).toEqual(upgradeChatRowBySchema(raw));
    }
  });
});
