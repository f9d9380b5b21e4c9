import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, makeTempDirs } from './hub-test-helpers.js';
import { startHub } from './server.js';

describe('lite mode in the multiuser vocabulary', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('lists the one workspace as project "local" (owner) and names the local account in people.get', async () => {
    const dirs = await makeTempDirs();
    cleanups.push(dirs.remove);
    const hub = await startHub({ root: dirs.root, stateDir: dirs.stateDir, appDir: path.join(dirs.root, 'no-app') });
    const client = connectClient(hub);
    cleanups.push(async () => (client.close(), await hub.close()));

    const { projects } = await client.call('projects.list', {});
    expect(projects).toEqual([{ id: 'local', name: path.basename(hub.root), role: 'owner', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    const { accountId } = await client.call('settings.get', {});
    await client.call('account.setName', { name: 'Ada' });
    expect(await client.call('people.get', { accountIds: [accountId, 'someone-else'] })).toEqual({ people: [{ accountId, name: 'Ada' }] });
    await expect(client.call('people.get', { accountIds: 'x' } as never)).rejects.toMatchObject({ code: -32602 });
  });
});
