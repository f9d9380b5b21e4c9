import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AcpApi } from '../acp-api/index.js';
import type { Row } from '../protocol/index.js';
import { parseChatFile } from '../syncdb/index.js';
import { connectClient, startTestHub, waitFor } from './hub-test-helpers.js';

const message = (index: number, sender = 'alice'): Row => ({
  event: 'chat',
  date: new Date(Date.UTC(2025, 0, 1, 0, 0, 0, index)).toISOString(),
  sender_id: sender,
  history: [{ author_id: sender, content: `message ${index}`, date: new Date(Date.UTC(2025, 0, 1)).toISOString() }],
});

describe('chat documents on the hub', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function hubWithClients(count: number) {
    const hub = await startTestHub();
    cleanups.push(hub.dispose);
    const clients: AcpApi[] = [];
    for (let index = 0; index < count; index += 1) {
      const client = connectClient(hub);
      cleanups.push(() => client.close());
      clients.push(client);
    }
    return { hub, clients };
  }

  it('creates, lists and opens chat files; two clients see each other\'s writes in order', async () => {
    const { hub, clients } = await hubWithClients(2);
    const [alice, bob] = clients;
    expect(await alice.call('chat.create', { path: 'notes/first.chat' })).toEqual({ path: 'notes/first.chat' });
    await expect(alice.call('chat.create', { path: 'notes/first.chat' })).rejects.toThrow(/already exists/);
    expect((await bob.call('chat.list', {})).files.map((file) => file.path)).toEqual(['notes/first.chat']);
    const seenByAlice: string[] = [];
    const seenByBob: string[] = [];
    const record = (into: string[]) => (change: { rows: Row[] }) => change.rows.forEach((row) => into.push(`${row.sender_id}:${row.date}`));
    alice.on('chat.change', record(seenByAlice));
    bob.on('chat.change', record(seenByBob));
    await alice.call('chat.open', { path: 'notes/first.chat' });
    await bob.call('chat.open', { path: './notes//first.chat' });
    const writes: Array<Promise<unknown>> = [];
    for (let index = 0; index < 40; index += 1) {
      const writer = index % 2 === 0 ? alice : bob;
      writes.push(writer.call('chat.set', { path: 'notes/first.chat', rows: [message(index, index % 2 === 0 ? 'alice' : 'bob')] }));
    }
    await Promise.all(writes);
    await waitFor('both clients to see all 40 writes', () => seenByAlice.length === 40 && seenByBob.length === 40);
    // Each client's own writes arrive in the order it sent them, and both see one global order.
    expect(seenByAlice).toEqual(seenByBob);
    const aliceOnly = seenByBob.filter((entry) => entry.startsWith('alice:'));
    expect(aliceOnly).toEqual(aliceOnly.slice().sort());
    const reopened = await bob.call('chat.open', { path: 'notes/first.chat' });
    expect(reopened.rows).toHaveLength(40);
    await hub.documents.flush();
    const onDisk = parseChatFile(await readFile(path.join(hub.root, 'notes/first.chat'), 'utf8'));
    expect(onDisk.problems).toEqual([]);
    expect(onDisk.rows).toHaveLength(40);
  });

  it('deletes rows and fans the deletion out; refuses invalid rows with the reason', async () => {
    const { clients } = await hubWithClients(2);
    const [alice, bob] = clients;
    await alice.call('chat.create', { path: 'd.chat' });
    await alice.call('chat.set', { path: 'd.chat', rows: [message(1)] });
    const deletions: unknown[] = [];
    bob.on('chat.change', (change) => deletions.push(...change.deleted));
    await bob.call('chat.open', { path: 'd.chat' });
    await alice.call('chat.delete', { path: 'd.chat', keys: [{ date: message(1).date, sender_id: 'alice', event: 'chat' }] });
    await waitFor('bob to see the deletion', () => deletions.length === 1);
    await expect(alice.call('chat.set', { path: 'd.chat', rows: [{ sender_id: 'x', event: 'chat' } as unknown as Row] })).rejects.toThrow(
      /row 0: date: expected an ISO date string/,
    );
    await expect(alice.call('chat.open', { path: 'missing.chat' })).rejects.toThrow(/no chat file "missing.chat"/);
  });

  it('refuses paths outside the workspace, saying why', async () => {
    const { hub, clients } = await hubWithClients(1);
    const [client] = clients;
    const outside = path.join(path.dirname(hub.root), 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.chat'), '');
    await symlink(outside, path.join(hub.root, 'link'));
    await symlink(path.join(outside, 'secret.chat'), path.join(hub.root, 'file-link.chat'));
    await expect(client.call('chat.open', { path: '../outside/secret.chat' })).rejects.toThrow(/".." segments are not allowed/);
    await expect(client.call('chat.open', { path: path.join(outside, 'secret.chat') })).rejects.toThrow(/absolute paths are not allowed/);
    await expect(client.call('chat.open', { path: 'link/secret.chat' })).rejects.toThrow(/symbolic link that points outside/);
    await expect(client.call('chat.open', { path: 'file-link.chat' })).rejects.toThrow(/symbolic link that points outside/);
    await expect(client.call('chat.create', { path: 'link/new.chat' })).rejects.toThrow(/symbolic link that points outside/);
    await expect(client.call('chat.open', { path: 'notes.txt' })).rejects.toThrow(/only .chat files/);
    await expect(client.call('logs.delete', { path: '../x.chat', threadKey: '1' })).rejects.toThrow(/".." segments/);
  });

  it('lists workspace files for @-mentions without node_modules or .git', async () => {
    const { hub, clients } = await hubWithClients(1);
    await mkdir(path.join(hub.root, 'src'));
    await mkdir(path.join(hub.root, 'node_modules/pkg'), { recursive: true });
    await mkdir(path.join(hub.root, '.git'));
    await writeFile(path.join(hub.root, 'src/main.ts'), '');
    await writeFile(path.join(hub.root, 'node_modules/pkg/index.js'), '');
    await writeFile(path.join(hub.root, '.git/HEAD'), '');
    expect((await clients[0].call('files.list', {})).files).toEqual(['src/main.ts']);
    expect((await clients[0].call('files.list', { query: 'MAIN' })).files).toEqual(['src/main.ts']);
    expect((await clients[0].call('files.list', { query: 'zzz' })).files).toEqual([]);
  });

  it('reloads a file changed on disk by someone else and pushes the difference', async () => {
    const { hub, clients } = await hubWithClients(1);
    const [client] = clients;
    await client.call('chat.create', { path: 'edited.chat' });
    await client.call('chat.set', { path: 'edited.chat', rows: [message(1), message(2)] });
    await hub.documents.flush();
    const changes: Array<{ rows: Row[]; deleted: unknown[] }> = [];
    client.on('chat.change', (change) => changes.push(change));
    await client.call('chat.open', { path: 'edited.chat' });
    const file = path.join(hub.root, 'edited.chat');
    const edited = { ...message(2), history: [{ author_id: 'alice', content: 'edited in vim', date: message(2).date }] };
    await writeFile(file, `${JSON.stringify(edited)}\n${JSON.stringify(message(3))}\n`);
    await waitFor('the outside edit to be pushed', () => changes.length > 0);
    const rows = changes.flatMap((change) => change.rows);
    const deleted = changes.flatMap((change) => change.deleted);
    expect(rows.map((row) => (row.history as Array<{ content: string }>)[0].content).sort()).toEqual(['edited in vim', 'message 3']);
    expect(deleted).toEqual([{ date: message(1).date, sender_id: 'alice', event: 'chat' }]);
    expect((await client.call('chat.open', { path: 'edited.chat' })).rows).toHaveLength(2);
  });
});
