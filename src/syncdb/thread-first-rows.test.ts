import { describe, expect, it } from 'vitest';
import type { Row } from '../protocol/index.js';
import { keyString } from './keys.js';
import { THREAD_FIRST_MIN_SAVED_ROWS, threadFirstRows } from './thread-first-rows.js';
import { messageRow } from './testing/message-row.js';

const iso = (ms: number) => new Date(ms).toISOString();
const START = Date.UTC(2026, 0, 1);

/** `threads` threads of `replies` replies each; thread t's root is at START + t minutes. */
function chat(threads: number, replies: number): Row[] {
  const rows: Row[] = [];
  for (let thread = 0; thread < threads; thread += 1) {
    const root = START + thread * 60_000;
    rows.push(messageRow(root));
    for (let reply = 1; reply <= replies; reply += 1) rows.push(messageRow(root + reply * 10, { root }));
  }
  return rows;
}

const keys = (rows: readonly Row[]) => new Set(rows.map((row) => keyString(row)));

describe('threadFirstRows', () => {
  it("keeps the thread's rows, and of every other thread its root and newest message", () => {
    const rows = chat(60, 40); // 2,460 rows
    const focus = START + 7 * 60_000;
    const first = threadFirstRows(rows, String(focus))!;
    const expected = rows.filter((row) => {
      const ms = Date.parse(row.date as string);
      const root = row.reply_to === undefined ? ms : Date.parse(row.reply_to as string);
      return root === focus || ms === root || ms === root + 40 * 10;
    });
    expect(first).toHaveLength(41 + 59 * 2);
    expect(keys(first)).toEqual(keys(expected));
  });

  it('keeps every non-message row, messages still generating and rows whose date cannot be read', () => {
    const rows = chat(40, 40);
    const draft = { event: 'draft', sender_id: 'ann', date: 0, input: 'half a thought' };
    const generating = { ...messageRow(START + 3 * 60_000 + 5, { root: START + 3 * 60_000 }), generating: true };
    const undated = { event: 'chat', sender_id: 'ann', date: 'yesterday', history: [] };
    const other = { event: 'cursor', sender_id: 'bo', date: iso(START) };
    const first = threadFirstRows([...rows, draft, generating, undated, other], String(START))!;
    for (const row of [draft, generating, undated, other]) expect(keys(first).has(keyString(row))).toBe(true);
  });

  it('reads dates in other forms than toISOString: a reply of the thread is kept, one of another thread is one thread with the rest', () => {
    const rows = chat(40, 40);
    const focus = START + 3 * 60_000;
    const other = START + 4 * 60_000;
    const ofFocus = { ...messageRow(focus + 5), reply_to: iso(focus).replace('.000Z', 'Z') };
    const ofOther = { ...messageRow(other + 1), reply_to: other }; // an epoch number
    const first = threadFirstRows([...rows, ofFocus, ofOther], String(focus))!;
    expect(keys(first).has(keyString(ofFocus))).toBe(true);
    // Thread `other` keeps its root and its newest reply (at + 400 ms), not the older epoch-dated one.
    expect(keys(first).has(keyString(ofOther))).toBe(false);
    expect(first.filter((row) => Date.parse(row.date as string) >= other && Date.parse(row.date as string) < other + 60_000)).toHaveLength(2);
  });

  it('answers undefined when the preview would not leave out enough rows to be worth it', () => {
    expect(threadFirstRows(chat(2, 400), String(START))).toBeUndefined(); // 802 rows in all
    // 1,100 rows, but the open thread is most of them: only 98 replies of the other thread are left out.
    const other = START + 86_400_000;
    const rows = [...chat(1, 1_000), messageRow(other), ...Array.from({ length: 99 }, (_, reply) => messageRow(other + (reply + 1) * 10, { root: other }))];
    expect(rows.length - (1_001 + 2)).toBeLessThan(THREAD_FIRST_MIN_SAVED_ROWS);
    expect(threadFirstRows(rows, String(START))).toBeUndefined();
    expect(threadFirstRows([...rows, ...chat(30, 40).map((row) => ({ ...row, sender_id: 'bo' }))], String(START))).toBeDefined();
  });

  it('keeps a thread that does not exist out: every thread is then only its root and newest row', () => {
    const first = threadFirstRows(chat(30, 60), '1')!;
    expect(first).toHaveLength(60);
  });
});
