import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACP_API_ERROR_CODES, ACP_API_LIMITS } from '../protocol/index.js';
import { startTestHub } from './hub-test-helpers.js';
import { rawSocket } from './raw-client-helpers.js';

type TestHub = Awaited<ReturnType<typeof startTestHub>>;

const message = (n: number) => ({ event: 'chat', sender_id: 'user-1', date: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(), input: `message ${n}` });
const nested = (levels: number): Record<string, unknown> => {
  let value: Record<string, unknown> = { leaf: true };
  for (let level = 1; level < levels; level += 1) value = { a: value };
  return value;
};
/** chat.set params as JSON text, with row `index` holding `content` nested `levels` deep. */
const deepBatch = (rows: Array<Record<string, unknown>>, index: number, levels: number) =>
  `{"path":"a.chat","rows":[${rows.map((row, at) => (at === index ? `${JSON.stringify(row).slice(0, -1)},"content":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}` : JSON.stringify(row))).join(',')}]}`;

describe('chat.set is all or nothing', () => {
  let hub: TestHub;
  let client: Awaited<ReturnType<typeof rawSocket>>;
  let id = 0;
  /** `params` may be JSON text already (a value too deep for JSON.stringify). */
  const ask = async (method: string, params: unknown) =>
    client.answerTo(`{"jsonrpc":"2.0","id":${++id},"method":${JSON.stringify(method)},"params":${typeof params === 'string' ? params : JSON.stringify(params)}}`);

  beforeAll(async () => {
    hub = await startTestHub();
    client = await rawSocket(hub);
    expect((await ask('chat.create', { path: 'a.chat' })).result).toEqual({ path: 'a.chat' });
  });
  afterAll(async () => {
    client?.close();
    await hub?.dispose();
  });

  it('refuses a batch with one bad row, naming the row and why, and applies none of it (document and disk)', async () => {
    const refused: Array<[string, Array<Record<string, unknown>> | string, RegExp]> = [
      ['a row nested past the params limit', deepBatch([message(1), message(2), message(3), message(4)], 2, 100_000), /rows\[2\]/],
      ['a row nested past the row limit', [message(1), { ...message(2), content: nested(ACP_API_LIMITS.maxRowDepth + 1) }], /row 1: the row is nested more than 32 levels deep/],
      ['a row over the size limit', [message(1), message(2), { ...message(3), input: 'x'.repeat(ACP_API_LIMITS.maxRowBytes) }], /row 2: the row is \d+ bytes of JSON, more than the limit/],
      ['a row without an event', [message(1), { ...message(2), event: '' }], /row 1: event: expected a non-empty string/],
      ['a row with a bad date', [message(1), message(2), message(3), { ...message(4), date: 'yesterday' }], /row 3: date/],
      ['a row whose input is not a string', [message(1), { ...message(2), input: 5 }], /row 1: input must be a string/],
    ];
    for (const [what, rows, why] of refused) {
      const answer = await ask('chat.set', typeof rows === 'string' ? rows : { path: 'a.chat', rows });
      expect(answer.error, what).toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams, message: expect.stringMatching(why) });
      expect((await ask('chat.open', { path: 'a.chat' })).result, what).toMatchObject({ rows: [] });
    }
    await hub.documents.flush();
    expect(await readFile(path.join(hub.root, 'a.chat'), 'utf8')).toBe('');
    // A later valid batch carries only its own rows: nothing of the refused ones was left pending.
    expect((await ask('chat.set', { path: 'a.chat', rows: [message(9)] })).result).toEqual({});
    expect(((await ask('chat.open', { path: 'a.chat' })).result as { rows: unknown[] }).rows).toEqual([message(9)]);
    await hub.documents.flush();
    expect((await readFile(path.join(hub.root, 'a.chat'), 'utf8')).trim().split('\n')).toHaveLength(1);
  });
});
