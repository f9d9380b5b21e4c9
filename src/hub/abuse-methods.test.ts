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
    expect(readdirSync(hub.root)).toEqual([]);
    // A well-formed pair (an emoji) is a valid name.
    expect((await ask('chat.create', { path: '\ud83d\ude00.chat' })).result).toEqual({ path: '\ud83d\ude00.chat' });
  });

  it('refuses an over-long agent id or auth method id with -32602 (was: a 200 KB answer echoing it)', async () => {
    for (const params of [{ agent: 'x'.repeat(200_000), methodId: 'm' }, { agent: 'demo', methodId: 'y'.repeat(200_000) }]) {
      const answer = await ask('agents.authenticate', params);
      expect(answer.error).toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams });
      expect(JSON.stringify(answer).length).toBeLessThan(2_000);
    }
  });
});
