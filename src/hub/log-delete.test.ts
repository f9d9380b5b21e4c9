import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectClient } from './hub-test-helpers.js';
import { agentRows, CHAT_PATH, createThread, rowText, sendText, watchTurn } from './turns/testing/turn-test-helpers.js';
import { useTurnHubs } from './turns/testing/use-turn-hubs.js';

const logsDir = (stateDir: string) => path.join(stateDir, 'logs');

describe('logs.delete and logs.stats on the real hub with the demo agent', () => {
  const hub = useTurnHubs();

  async function endedTurn(client: Parameters<typeof watchTurn>[0], threadKey: string, text: string): Promise<string> {
    const { turnId } = await sendText(client, threadKey, text);
    const turn = watchTurn(client, turnId);
    expect(await turn.done()).toBe('completed');
    turn.stop();
    return turnId;
  }

  it("deletes one turn's log, then the thread's: the rows keep their text and say logDeleted, also after a restart", async () => {
    const first = await hub();
    const { client, dirs } = first;
    const threadKey = await createThread(client, { agent: 'demo' });
    const hello = await endedTurn(client, threadKey, 'hello');
    const quick = await endedTurn(client, threadKey, 'quick one');
    const textsBefore = (await agentRows(client, threadKey)).map(rowText);
    expect(textsBefore[0]).toContain('I am the demo agent');

    expect(await client.call('logs.delete', { path: CHAT_PATH, threadKey, turnId: hello })).toEqual({ deleted: 1 });
    let rows = await agentRows(client, threadKey);
    expect(rows.map((row) => (row.acp_turn as { logDeleted?: boolean }).logDeleted)).toEqual([true, undefined]);
    expect(rows.map(rowText)).toEqual(textsBefore);
    expect(await client.call('turn.subscribe', { turnId: hello, fromSeq: 0 })).toEqual({ logDeleted: true });
    expect(await client.call('turn.subscribe', { turnId: quick, fromSeq: 0 })).toEqual({});

    // The thread: only the turn not deleted yet counts.
    expect(await client.call('logs.delete', { path: CHAT_PATH, threadKey })).toEqual({ deleted: 1 });
    rows = await agentRows(client, threadKey);
    expect(rows.map((row) => (row.acp_turn as { logDeleted?: boolean }).logDeleted)).toEqual([true, true]);
    expect(rows.map((row) => (row.acp_turn as { state?: string }).state)).toEqual(['completed', 'completed']);
    expect(rows.map(rowText)).toEqual(textsBefore);
    await first.hub.turnLogs.flush();
    expect(existsSync(path.join(logsDir(dirs.stateDir), `${hello}.jsonl`))).toBe(false);
    expect(existsSync(path.join(logsDir(dirs.stateDir), `${quick}.jsonl`))).toBe(false);

    await first.close(false);
    const second = await hub({}, dirs);
    expect(await second.client.call('turn.subscribe', { turnId: quick, fromSeq: 0 })).toEqual({ logDeleted: true });
    expect((await agentRows(second.client, threadKey)).map((row) => (row.acp_turn as { logDeleted?: boolean }).logDeleted)).toEqual([true, true]);
    await expect(second.client.call('turn.subscribe', { turnId: 'never-was', fromSeq: 0 })).rejects.toThrow(/no turn "never-was"/);
  });

  it("refuses to delete a running turn's log, alone or with its thread, with a clear error", async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const done = await endedTurn(client, threadKey, 'hello');
    const { turnId } = await sendText(client, threadKey, 'edit the notes');
    const turn = watchTurn(client, turnId);
    const pending = await turn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission'));
    if (pending?.type !== 'permission') throw new Error('unreachable');

    await expect(client.call('logs.delete', { path: CHAT_PATH, threadKey, turnId })).rejects.toThrow(/this turn is still running/);
    await expect(client.call('logs.delete', { path: CHAT_PATH, threadKey })).rejects.toThrow(new RegExp(`turn ${turnId} is still running`));
    expect(await client.call('turn.subscribe', { turnId: done, fromSeq: 0 })).toEqual({}); // nothing deleted
    expect((await agentRows(client, threadKey)).some((row) => (row.acp_turn as { logDeleted?: boolean }).logDeleted)).toBe(false);

    await client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'reject_once' });
    await turn.done();
    expect(await client.call('logs.delete', { path: CHAT_PATH, threadKey })).toEqual({ deleted: 2 });
  });

  it('logs.stats gives the bytes of the log files and the turns with events, to the admin only', async () => {
    const { client, hub: started, dirs } = await hub({ adminToken: 'admin-secret-1' });
    const admin = connectClient(started, { extraQuery: '&admin=admin-secret-1' });
    try {
      const threadKey = await createThread(client, { agent: 'demo' });
      const hello = await endedTurn(client, threadKey, 'hello');
      await endedTurn(client, threadKey, 'quick one');
      await started.turnLogs.flush();
      const onDisk = () => readdirSync(logsDir(dirs.stateDir)).reduce((sum, name) => sum + statSync(path.join(logsDir(dirs.stateDir), name)).size, 0);
      const before = await admin.call('logs.stats', {});
      expect(before).toEqual({ bytes: onDisk(), turns: 2 });
      expect(before.bytes).toBeGreaterThan(1000);
      await expect(client.call('logs.stats', {})).rejects.toThrow(/only the admin/);

      await client.call('logs.delete', { path: CHAT_PATH, threadKey, turnId: hello });
      await started.turnLogs.flush();
      const after = await admin.call('logs.stats', {});
      expect(after).toEqual({ bytes: onDisk(), turns: 1 });
      expect(after.bytes).toBeLessThan(before.bytes);
    } finally {
      admin.close();
    }
  });
});
