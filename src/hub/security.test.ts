import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ACP_API_ERROR_CODES, ACP_API_MAX_FRAME_BYTES } from '../protocol/index.js';
import { hubSocketUrl, waitFor } from './hub-test-helpers.js';
import { CHAT_PATH, createThread, sendText, startTurnHub, watchTurn, type TurnHub } from './turns/testing/turn-test-helpers.js';

/** A raw WebSocket client: frames in, JSON answers out. */
async function rawClient(hub: { port: number; token: string }) {
  const socket = new WebSocket(hubSocketUrl(hub));
  const answers: Array<Record<string, unknown>> = [];
  let closed: { code: number; reason: string } | undefined;
  socket.on('message', (data) => answers.push(JSON.parse(data.toString())));
  socket.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return {
    socket,
    closed: () => closed,
    /** Errors answered to frames without a usable id (JSON-RPC id null): not JSON (-32700) or not JSON-RPC (-32600). */
    nullAnswers: () =>
      answers.filter((answer) => answer.id === null && [ACP_API_ERROR_CODES.parseError, ACP_API_ERROR_CODES.invalidRequest].includes((answer.error as { code: -32700 })?.code)).length,
    async ask(frame: string, id: unknown): Promise<Record<string, unknown>> {
      socket.send(frame);
      return waitFor(`the answer to ${String(id)}`, () => answers.find((answer) => answer.id === id));
    },
  };
}

describe('hub security: input validation, frame limits, agent paths', () => {
  let setup: TurnHub;
  let outside: string;
  beforeAll(async () => {
    setup = await startTurnHub();
    outside = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-outside-'));
  });
  afterAll(async () => {
    await setup?.close();
    rmSync(outside, { recursive: true, force: true });
  });

  it('answers malformed params of every turn method with a JSON-RPC invalid-params error, and keeps serving', async () => {
    const client = await rawClient(setup.hub);
    const bad: Array<[string, unknown]> = [
      ['turn.send', { path: CHAT_PATH, threadKey: 'not-a-number', prompt: [{ type: 'text', text: 'x' }], userDate: new Date().toISOString() }],
      ['turn.send', { path: CHAT_PATH, threadKey: '1', prompt: [], userDate: new Date().toISOString() }],
      ['turn.send', { path: CHAT_PATH, threadKey: '1', prompt: [{ type: 'text' }], userDate: 'yesterday' }],
      ['turn.send', 42],
      ['turn.cancelQueued', { turnId: 7 }],
      ['turn.interrupt', {}],
      ['queue.get', { path: null }],
      ['permission.respond', { turnId: 't', requestId: '' }],
      ['session.setOption', { path: CHAT_PATH, threadKey: '1', configId: 'model', value: { nested: true } }],
      ['session.fork', { path: CHAT_PATH }],
      ['agents.authenticate', { agent: 'codex' }],
      ['chat.set', { path: CHAT_PATH, rows: 'nope' }],
      ['logs.delete', { path: CHAT_PATH }],
      ['turn.subscribe', { turnId: '../../etc/passwd', fromSeq: 0 }],
    ];
    let id = 100;
    for (const [method, params] of bad) {
      id += 1;
      const answer = await client.ask(JSON.stringify({ jsonrpc: '2.0', id, method, params }), id);
      expect(answer.error, `${method} ${JSON.stringify(params)}`).toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams, message: expect.stringContaining(method) });
    }
    for (const frame of ['{', '[]', 'null', '{"jsonrpc":"2.0","id":1}']) {
      const before = client.nullAnswers();
      client.socket.send(frame);
      await waitFor(`an error for ${frame}`, () => client.nullAnswers() > before);
    }
    expect((await client.ask(JSON.stringify({ jsonrpc: '2.0', id: 999, method: 'agents.list', params: {} }), 999)).result).toBeDefined();
    client.socket.close();
  });

  it('refuses paths outside the workspace in turn.send, queue.get, session.setOption and session.fork', async () => {
    const client = await rawClient(setup.hub);
    const methods: Array<[string, Record<string, unknown>]> = [
      ['turn.send', { threadKey: '1', prompt: [{ type: 'text', text: 'x' }], userDate: new Date().toISOString() }],
      ['queue.get', {}],
      ['session.setOption', { threadKey: '1', configId: 'model', value: 'x' }],
      ['session.fork', { threadKey: '1' }],
    ];
    let id = 200;
    for (const [method, params] of methods) {
      for (const bad of ['../escape.chat', '/etc/passwd.chat']) {
        id += 1;
        const answer = await client.ask(JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, path: bad } }), id);
        expect(answer.error, `${method} ${bad}`).toMatchObject({ code: ACP_API_ERROR_CODES.pathOutsideWorkspace, message: expect.stringMatching(/refused/) });
      }
    }
    client.socket.close();
  });

  it('answers an over-sized frame with a clear JSON-RPC error; a far bigger one closes only that connection', async () => {
    const client = await rawClient(setup.hub);
    const big = JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'chat.set', params: { path: CHAT_PATH, rows: [{ padding: 'x'.repeat(ACP_API_MAX_FRAME_BYTES) }] } });
    const answer = await client.ask(big, 5);
    expect(answer.error).toMatchObject({ code: ACP_API_ERROR_CODES.invalidRequest, message: expect.stringMatching(/MB refused: the limit is 16 MB/) });
    client.socket.send('x'.repeat(2 * ACP_API_MAX_FRAME_BYTES + 1));
    const closed = await waitFor('the connection to close', () => client.closed());
    expect(closed.code).toBe(1009);
    // The hub goes on, and the acp-api client refuses such a request before sending it.
    await expect(setup.client.call('chat.set', { path: CHAT_PATH, rows: [{ padding: 'x'.repeat(ACP_API_MAX_FRAME_BYTES) } as never] })).rejects.toThrow(/more than the hub accepts/);
    expect((await setup.client.call('agents.list', {})).agents.length).toBeGreaterThan(0);
  });

  it('refuses a working directory, HOME or PATH override that would leave the workspace or let it configure the agent', async () => {
    mkdirSync(path.join(setup.dirs.root, 'sub'), { recursive: true });
    symlinkSync(outside, path.join(setup.dirs.root, 'link-out'));
    mkdirSync(path.join(setup.dirs.root, 'fake-home'), { recursive: true });
    const worldWritable = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-ww-'));
    (await import('node:fs')).chmodSync(worldWritable, 0o777);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ workingDirectory: '../' }, /working directory is refused: .*"\.\." segments/],
      [{ workingDirectory: outside }, /working directory is refused: .*absolute paths are not allowed/],
      [{ workingDirectory: 'link-out' }, /working directory is refused: .*symbolic link/],
      [{ workingDirectory: 'missing' }, /not a folder of the workspace/],
      [{ envHome: 'relative/home' }, /HOME override .* absolute path/],
      [{ envHome: path.join(setup.dirs.root, 'fake-home') }, /HOME override .* inside the workspace/],
      [{ envHome: worldWritable }, /HOME override .* other users may write/],
      [{ envHome: path.join(outside, 'nope') }, /HOME override .* no such folder/],
      [{ envPath: `/usr/bin${path.delimiter}${path.delimiter}/bin` }, /PATH override refused: every entry must be an absolute folder/],
      [{ envPath: 'node_modules/.bin' }, /PATH override refused/],
    ];
    try {
      for (const [config, why] of cases) {
        const threadKey = await createThread(setup.client, { agent: 'demo', ...config });
        const turn = watchTurn(setup.client, (await sendText(setup.client, threadKey, 'hello')).turnId);
        expect(await turn.done(), JSON.stringify(config)).toBe('failed');
        const error = turn.events.find((event) => event.type === 'error');
        expect(error?.type === 'error' && error.message, JSON.stringify(config)).toMatch(why);
        expect(turn.events.some((event) => event.type === 'session'), 'no agent session may start').toBe(false);
      }
      // Allowed: a folder of the workspace, and a private HOME outside it.
      const ok = await createThread(setup.client, { agent: 'demo', workingDirectory: 'sub', envHome: outside, envPath: process.env.PATH ?? '/usr/bin' });
      const turn = watchTurn(setup.client, (await sendText(setup.client, ok, 'hello')).turnId);
      expect(await turn.done()).toBe('completed');
    } finally {
      rmSync(worldWritable, { recursive: true, force: true });
    }
  });
});
