// Cases an outside-style abuse pass over every JSON-RPC method found (issue 9: "more cases"), on a
// real hub with the turn service, sent as raw frames.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACP_API_ERROR_CODES } from '../protocol/index.js';
import { startTestHub } from './hub-test-helpers.js';
import { rawSocket } from './raw-client-helpers.js';
import { createTurnService } from './turns/index.js';

type TestHub = Awaited<ReturnType<typeof startTestHub>>;

describe('abuse of the hub methods: refused clearly, nothing written', () => {
  let hub: TestHub;
  let client: Awaited<ReturnType<typeof rawSocket>>;
  let id = 0;
  const ask = async (method: string, params: unknown) => client.answerTo(JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }));

  beforeAll(async () => {
    hub = await startTestHub({ turnService: createTurnService });
    client = await rawSocket(hub);
  });
  afterAll(async () => {
    client?.close();
    await hub?.dispose();
  });

  it('refuses a path with a lone surrogate (was: stored as U+FFFD, so "\\ud800.chat" and "\\ufffd.chat" were two documents of one file, one losing the other\'s rows)', async () => {
    for (const method of ['chat.create', 'chat.open', 'chat.set']) {
      const answer = await ask(method, { path: '\ud800.chat', rows: [] });
      expect(answer.error, method).toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams, message: expect.stringContaining('not valid Unicode') });
    }
    expect(readdirSync(hub.root)).not.toContain('\ufffd.chat');
    // A well-formed pair (an emoji) is a valid name.
    expect((await ask('chat.create', { path: '\ud83d\ude00.chat' })).result).toEqual({ path: '\ud83d\ude00.chat' });
  });

  it('refuses a turn.send userDate past year 9999 (was: accepted, the turn crashed on its row date and never ended)', async () => {
    await ask('chat.create', { path: 'dates.chat' });
    for (const userDate of ['+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', 'x'.repeat(10_000)]) {
      const answer = await ask('turn.send', { path: 'dates.chat', threadKey: '1767225600000', prompt: [{ type: 'text', text: 'quick' }], userDate });
      expect(answer.error, userDate.slice(0, 40)).toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams, message: expect.stringContaining('between 1970 and 9999') });
    }
  });

  it('refuses queue.pause of a thread key with no thread (was: every key kept as paused state and listed by queue.get)', async () => {
    await ask('chat.create', { path: 'pause.chat' });
    for (let index = 0; index < 20; index++) {
      const answer = await ask('queue.pause', { path: 'pause.chat', threadKey: String(1_000_000_000_000 + index), paused: true });
      expect(answer.error).toMatchObject({ code: ACP_API_ERROR_CODES.notFound, message: expect.stringContaining('no thread') });
    }
    expect((await ask('queue.get', { path: 'pause.chat' })).result).toEqual({ queues: {}, paused: [] });
    // A thread that exists can be paused.
    const date = new Date(1_767_225_600_000).toISOString();
    await ask('chat.set', { path: 'pause.chat', rows: [{ event: 'chat', date, sender_id: 'u', history: [{ author_id: 'u', content: 'root', date }] }] });
    expect((await ask('queue.pause', { path: 'pause.chat', threadKey: '1767225600000', paused: true })).result).toEqual({ paused: true });
  });

  it('refuses an over-long agent id or auth method id with -32602 (was: a 200 KB answer echoing it)', async () => {
    for (const params of [{ agent: 'x'.repeat(200_000), methodId: 'm' }, { agent: 'demo', methodId: 'y'.repeat(200_000) }]) {
      const answer = await ask('agents.authenticate', params);
      expect(answer.error).toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams });
      expect(JSON.stringify(answer).length).toBeLessThan(2_000);
    }
  });
});
