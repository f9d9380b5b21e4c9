import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, makeTempDirs } from './hub-test-helpers.js';
import { startHub } from './server.js';

describe('the local account\'s display name', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function hubOn(dirs: { root: string; stateDir: string }) {
    const hub = await startHub({ root: dirs.root, stateDir: dirs.stateDir, appDir: path.join(dirs.root, 'no-app') });
    const client = connectClient(hub);
    return { hub, client, stop: async () => (client.close(), await hub.close()) };
  }

  it('is the OS user\'s name until renamed; the new name is kept across restarts', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const first = await hubOn(dirs);
    const before = await first.client.call('settings.get', {});
    expect(before.accountName).toBe(os.userInfo().username);
    expect(await first.client.call('account.setName', { name: '  Ada Lovelace ' })).toEqual({ accountName: 'Ada Lovelace' });
    expect((await first.client.call('settings.get', {})).accountName).toBe('Ada Lovelace');
    await first.stop();

    const second = await hubOn(dirs);
    cleanups.push(second.stop);
    const after = await second.client.call('settings.get', {});
    expect(after).toMatchObject({ accountId: before.accountId, accountName: 'Ada Lovelace' });
  });

  it('refuses an empty, too long or control-character name with a clear error and keeps the old one', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const { client, stop } = await hubOn(dirs);
    cleanups.push(stop);
    await expect(client.call('account.setName', { name: '   ' })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/empty/) });
    await expect(client.call('account.setName', { name: 'x'.repeat(81) })).rejects.toThrow(/longer than 80/);
    await expect(client.call('account.setName', { name: 'a\u0007b' })).rejects.toThrow(/control characters/);
    await expect(client.call('account.setName', { name: 42 } as never)).rejects.toMatchObject({ code: -32602 });
    expect((await client.call('settings.get', {})).accountName).toBe(os.userInfo().username);
  });
});
