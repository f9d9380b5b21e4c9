import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Row, RowKey } from '../protocol/index.js';
import { parseChatFile } from '../syncdb/index.js';
import { connectClient, startTestHub, waitFor } from './hub-test-helpers.js';
import { CHAT_PATH, createThread, sendText, startTurnHub, updatesOf, watchTurn } from './turns/testing/turn-test-helpers.js';

const message = (index: number): Row => ({
  event: 'chat',
  date: new Date(Date.UTC(2025, 0, 1, 0, 0, 0, index)).toISOString(),
  sender_id: 'alice',
  history: [{ author_id: 'alice', content: `message ${index}`, date: new Date(Date.UTC(2025, 0, 1)).toISOString() }],
});

async function rowsOnDisk(file: string): Promise<Row[]> {
  return parseChatFile(await readFile(file, 'utf8')).rows;
}

describe('chat document lifecycle: unload, deletion on disk, stale temporary files', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function hubAndClient(options: { documentUnloadDelayMs?: number } = {}) {
    const hub = await startTestHub({ documentUnloadDelayMs: 50, ...options });
    cleanups.push(hub.dispose);
    const client = connectClient(hub);
    cleanups.push(() => client.close());
    return { hub, client };
  }

  it('unloads a document once no client has it open (its writes saved), and keeps it while one does', async () => {
    const { hub, client } = await hubAndClient();
    const other = connectClient(hub);
    cleanups.push(() => other.close());
    for (const name of ['a.chat', 'b.chat']) await client.call('chat.create', { path: name });
    await client.call('chat.open', { path: 'a.chat' });
    await other.call('chat.open', { path: 'a.chat' });
    await client.call('chat.open', { path: 'b.chat' });
    await client.call('chat.set', { path: 'b.chat', rows: [message(1)] });
    await client.call('chat.close', { path: 'b.chat' });
    await client.call('chat.close', { path: 'a.chat' });
    await waitFor('b.chat to be unloaded', () => !hub.documents.loaded().includes('b.chat'));
    expect(hub.documents.loaded()).toEqual(['a.chat']); // the other client still has it open
    expect((await rowsOnDisk(path.join(hub.root, 'b.chat'))).map((row) => row.date)).toEqual([message(1).date]);
    other.close();
    await waitFor('a.chat to be unloaded after its last client left', () => hub.documents.loaded().length === 0);
    // Opened again: loaded from disk with what was saved.
    expect((await client.call('chat.open', { path: 'b.chat' })).rows.map((row) => row.date)).toEqual([message(1).date]);
  });

  it('keeps a document loaded while a turn uses it, even with no client; unloads it after the turn', async () => {
    const setup = await startTurnHub(undefined, { documentUnloadDelayMs: 50 });
    cleanups.push(() => setup.close());
    const { client, hub } = setup;
    await client.call('chat.create', { path: 'control.chat' });
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'slow');
    const turn = watchTurn(client, turnId);
    await turn.waitFor('the slow command to start', (events) => updatesOf(events, 'tool_call').length > 0);
    await client.call('chat.open', { path: 'control.chat' });
    await client.call('chat.close', { path: 'control.chat' });
    await client.call('chat.close', { path: CHAT_PATH });
    await waitFor('the control document to be unloaded', () => !hub.documents.loaded().includes('control.chat'));
    expect(hub.documents.loaded()).toContain(CHAT_PATH);
    await client.call('turn.interrupt', { turnId });
    expect(await turn.done()).toBe('cancelled');
    await waitFor('the turn document to be unloaded', () => !hub.documents.loaded().includes(CHAT_PATH));
    const agentRow = (await rowsOnDisk(path.join(hub.root, CHAT_PATH))).find((row) => (row.acp_turn as { id?: string } | undefined)?.id === turnId);
    expect(agentRow).toMatchObject({ generating: false, acp_turn: { state: 'cancelled' } });
  });

  it('a file deleted on disk: clients get every row deleted, and the hub does not write it back', async () => {
    const { hub, client } = await hubAndClient({ documentUnloadDelayMs: 60_000 });
    await client.call('chat.create', { path: 'gone.chat' });
    await client.call('chat.open', { path: 'gone.chat' });
    await client.call('chat.set', { path: 'gone.chat', rows: [message(1), message(2)] });
    const file = path.join(hub.root, 'gone.chat');
    await waitFor('the rows to be saved', async () => existsSync(file) && (await rowsOnDisk(file)).length === 2);
    const deleted: RowKey[] = [];
    client.on('chat.change', (change) => deleted.push(...change.deleted));
    await rm(file);
    await waitFor('the deletion to reach the client', () => deleted.length === 2);
    expect(deleted.map((key) => key.date).sort()).toEqual([message(1).date, message(2).date]);
    await waitFor('the document to be dropped', () => !hub.documents.loaded().includes('gone.chat'));
    expect(existsSync(file)).toBe(false);
    await expect(client.call('chat.set', { path: 'gone.chat', rows: [message(3)] })).rejects.toThrow(/no chat file/);
    expect(existsSync(file)).toBe(false);
  });

  it('a file deleted on disk while the hub has unsaved writes is written back, and the log says why', async () => {
    const { hub } = await hubAndClient({ documentUnloadDelayMs: 60_000 });
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
    await writeFile(path.join(hub.root, 'kept.chat'), '');
    const document = await hub.documents.document('kept.chat');
    // A write and the deletion in the same tick: the write is not saved yet when the file goes.
    document.db.set(message(7));
    document.db.commit();
    await rm(path.join(hub.root, 'kept.chat'));
    await waitFor('the file to be written back', async () => existsSync(path.join(hub.root, 'kept.chat')) && (await rowsOnDisk(path.join(hub.root, 'kept.chat'))).length === 1);
    expect(warnings.some((line) => /deleted on disk while it had unsaved changes; writing it back/.test(line))).toBe(true);
    expect(hub.documents.loaded()).toContain('kept.chat');
  });

  it('removes temporary files a killed save left behind when it opens the document, but not those of a live process', async () => {
    const { hub, client } = await hubAndClient();
    const exited = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => exited.on('exit', () => resolve(exited.pid!)));
    const live = spawn('sleep', ['60']);
    cleanups.push(() => void live.kill());
    await writeFile(path.join(hub.root, 'c.chat'), `${JSON.stringify(message(1))}\n`);
    const stale = [`.c.chat.${deadPid}.0a1b2c3d.tmp`, `.c.chat.${process.pid}.deadbeef.tmp`];
    const foreign = `.c.chat.${live.pid}.00ff00ff.tmp`;
    for (const name of [...stale, foreign, '.other.chat.1.abcd.tmp']) await writeFile(path.join(hub.root, name), '{"torn":');
    expect((await client.call('chat.open', { path: 'c.chat' })).rows).toHaveLength(1);
    expect(readdirSync(hub.root).filter((name) => name.endsWith('.tmp')).sort()).toEqual([foreign, '.other.chat.1.abcd.tmp'].sort());
  });
});
