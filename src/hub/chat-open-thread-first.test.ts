import { afterEach, describe, expect, it } from 'vitest';
import { ACP_API_ERROR_CODES } from '../protocol/index.js';
import { connectClient, startTestHub } from './hub-test-helpers.js';
import { messageRow } from '../syncdb/testing/message-row.js';

const START = Date.UTC(2026, 0, 1);

describe('chat.open {thread}: a thread-first open', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    await hub.documents.create('long.chat');
    const db = await hub.documents.open('long.chat');
    for (let thread = 0; thread < 30; thread += 1) {
      const root = START + thread * 60_000;
      db.set(messageRow(root));
      for (let reply = 1; reply <= 60; reply += 1) db.set(messageRow(root + reply * 10, { root }));
    }
    db.commit();
    const api = connectClient(hub);
    cleanups.push(() => api.close());
    return { api };
  }

  it('answers the thread, and the root and newest row of the others, as partial; without thread, all', async () => {
    const { api } = await setup();
    const first = await api.call('chat.open', { path: 'long.chat', thread: String(START + 60_000) });
    expect(first.partial).toBe(true);
    expect(first.rows).toHaveLength(61 + 29 * 2);
    const whole = await api.call('chat.open', { path: 'long.chat' });
    expect(whole.partial).toBeUndefined();
    expect(whole.rows).toHaveLength(30 * 61);
    expect(whole.version).toBe(first.version);
  });

  it('refuses a thread that is not a short string, with a clear invalid-params error', async () => {
    const { api } = await setup();
    for (const thread of ['9'.repeat(40), 17, { $gt: '' }]) {
      await expect(api.call('chat.open', { path: 'long.chat', thread } as never)).rejects.toMatchObject({ code: ACP_API_ERROR_CODES.invalidParams });
    }
  });
});
