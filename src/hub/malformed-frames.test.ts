import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACP_API_ERROR_CODES, ACP_API_MAX_FRAME_BYTES } from '../protocol/index.js';
import { startTestHub, waitFor } from './hub-test-helpers.js';
import { rawGet, rawSocket } from './raw-client-helpers.js';

type TestHub = Awaited<ReturnType<typeof startTestHub>>;
const { parseError, invalidRequest, methodNotFound, invalidParams } = ACP_API_ERROR_CODES;

const request = (id: unknown, method: unknown, params?: unknown) => JSON.stringify({ jsonrpc: '2.0', id, method, params });
const deep = (levels: number, leaf = '1') => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);

describe('malformed WebSocket frames', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => hub?.dispose());

  /** The hub still answers /healthz and a JSON-RPC call on the same socket and on a new one. */
  async function expectAlive(client?: Awaited<ReturnType<typeof rawSocket>>): Promise<void> {
    expect((await rawGet(hub.port, '/healthz', [`Cookie: codex_chat_token_${hub.port}=${hub.token}`])).status).toBe(200);
    const fresh = await rawSocket(hub);
    for (const socket of client && !client.closed() ? [client, fresh] : [fresh]) {
      expect((await socket.answerTo(request(777, 'chat.list', {}))).result).toEqual({ files: [] });
    }
    fresh.close();
  }

  it('answers frames that are not JSON-RPC with the matching JSON-RPC error and keeps the connection', async () => {
    const client = await rawSocket(hub);
    const cases: Array<[string, string | Buffer, number, { binary?: boolean }?]> = [
      ['binary', Buffer.from([0, 1, 2, 255]), invalidRequest, { binary: true }],
      ['not JSON', '{', parseError],
      ['empty', '', parseError],
      ['a JSON array', '[]', invalidRequest],
      ['a JSON-RPC batch', `[${request(1, 'chat.list', {})}]`, invalidRequest],
      ['a string', '"x"', invalidRequest],
      ['null', 'null', invalidRequest],
      ['wrong jsonrpc', '{"jsonrpc":"1.0","id":1,"method":"chat.list"}', invalidRequest],
      ['an object id', '{"jsonrpc":"2.0","id":{"a":1},"method":"chat.list"}', invalidRequest],
      ['a method that is a number', '{"jsonrpc":"2.0","id":5,"method":5}', invalidRequest],
      ['deeply nested JSON', deep(100_000), invalidRequest],
    ];
    for (const [what, frame, code, options] of cases) {
      const answer = await client.answerTo(frame, options);
      expect(answer.error, what).toMatchObject({ code });
      await expectAlive(client);
    }
    client.close();
  });

  it('answers bad requests: huge ids, unknown methods, params of wrong types, deep params', async () => {
    const client = await rawSocket(hub);
    const cases: Array<[string, string, unknown, number]> = [
      ['a huge numeric id', `{"jsonrpc":"2.0","id":${'9'.repeat(400)},"method":"nope"}`, null, methodNotFound],
      ['a long string id', request('i'.repeat(100_000), 'nope'), 'i'.repeat(100_000), methodNotFound],
      ['an unknown method', request(1, 'no.such.method', {}), 1, methodNotFound],
      ['a prototype method', request(2, '__proto__', {}), 2, methodNotFound],
      ['a constructor method', request(3, 'constructor', {}), 3, methodNotFound],
      ['a huge method name', request(4, 'm'.repeat(1_000_000), {}), 4, methodNotFound],
      ['string params', request(5, 'chat.open', 'x'), 5, invalidParams],
      ['number params', request(6, 'chat.set', 42), 6, invalidParams],
      ['null params', request(7, 'chat.open', null), 7, invalidParams],
      ['array params', request(8, 'chat.open', ['a.chat']), 8, invalidParams],
      ['path of the wrong type', request(9, 'chat.open', { path: { a: 1 } }), 9, invalidParams],
      ['rows of the wrong type', request(10, 'chat.set', { path: 'a.chat', rows: [1, 'x', null] }), 10, invalidParams],
      ['settings of the wrong type', request(11, 'settings.set', { settings: 'all' }), 11, invalidParams],
      ['deeply nested params', `{"jsonrpc":"2.0","id":12,"method":"chat.set","params":${deep(100_000)}}`, 12, invalidParams],
      ['a deeply nested row', `{"jsonrpc":"2.0","id":13,"method":"chat.set","params":{"path":"a.chat","rows":[${deep(100_000)}]}}`, 13, invalidParams],
    ];
    for (const [what, frame, id, code] of cases) {
      const answer = await client.answerTo(frame);
      expect(answer.id, what).toEqual(id);
      expect(answer.error, what).toMatchObject({ code });
      expect(JSON.stringify(answer.error).length, `${what}: a short error`).toBeLessThan(3_000);
      await expectAlive(client);
    }
    // Notifications (no id) of unknown or broken methods get no answer, and break nothing.
    client.socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'chat.set', params: { path: 'a.chat', rows: [deep(50)] } }));
    client.socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'nope' }));
    await expectAlive(client);
    client.close();
  });

  it('closes only the connection of a text frame that is not UTF-8 (1007, as RFC 6455 asks)', async () => {
    const client = await rawSocket(hub);
    client.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await waitFor('the close of the connection', () => client.closed())).code).toBe(1007);
    await expectAlive();
  });

  it('refuses an oversized frame with a JSON-RPC error, and closes on one past the read limit', async () => {
    const client = await rawSocket(hub);
    const over = `{"jsonrpc":"2.0","id":21,"method":"chat.set","params":{"path":"a.chat","rows":[{"x":"${'a'.repeat(ACP_API_MAX_FRAME_BYTES)}"}]}}`;
    const answer = await client.answerTo(over);
    expect(answer).toMatchObject({ id: 21, error: { code: invalidRequest, message: expect.stringContaining('limit is 16 MB') } });
    await expectAlive(client);
    client.socket.send('x'.repeat(ACP_API_MAX_FRAME_BYTES + 2 * 1024 * 1024));
    expect((await waitFor('the close of the connection', () => client.closed())).code).toBe(1009);
    await expectAlive();
  });
});
