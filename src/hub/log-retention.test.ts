import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AcpApi } from '../acp-api/index.js';
import { DEFAULT_HUB_SETTINGS, type HubSettings } from '../protocol/index.js';
import { createChatDocumentRegistry } from './chat-documents.js';
import { makeTempDirs } from './hub-test-helpers.js';
import { applyLogRetention, startLogRetention } from './log-retention.js';
import { createTurnLogStore } from './turn-log-store.js';
import { agentRows, createThread, rowText, sendText, waitFor, watchTurn } from './turns/testing/turn-test-helpers.js';
import { useTurnHubs } from './turns/testing/use-turn-hubs.js';

const DAY_MS = 24 * 60 * 60_000;

async function endedTurn(client: AcpApi, threadKey: string, text: string): Promise<string> {
  const { turnId } = await sendText(client, threadKey, text);
  const turn = watchTurn(client, turnId);
  expect(await turn.done()).toBe('completed');
  turn.stop();
  return turnId;
}

const logDeletedOf = async (client: AcpApi, threadKey: string) => (await agentRows(client, threadKey)).map((row) => (row.acp_turn as { logDeleted?: boolean }).logDeleted === true);

/** Moves every event of a closed hub's turn log `days` into the past, as if the turn had ended then. */
function ageLog(stateDir: string, turnId: string, days: number): void {
  const file = path.join(stateDir, 'logs', `${turnId}.jsonl`);
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { t: number });
  writeFileSync(file, lines.map((event) => `${JSON.stringify({ ...event, t: event.t - days * DAY_MS })}\n`).join(''));
}

describe('log retention on the real hub with the demo agent', () => {
  const hub = useTurnHubs();

  it('is off by default; once set, the hub deletes at start only the logs of turns that ended longer ago', async () => {
    const first = await hub();
    const threadKey = await createThread(first.client, { agent: 'demo' });
    const old = await endedTurn(first.client, threadKey, 'hello');
    const recent = await endedTurn(first.client, threadKey, 'quick one');
    expect((await first.client.call('settings.get', {})).settings.log_retention_days).toBeNull();
    await first.close(false);
    ageLog(first.dirs.stateDir, old, 40);

    // Off: a start deletes nothing (with retention off nothing is even scheduled, so this is final).
    const second = await hub({}, first.dirs);
    expect(await logDeletedOf(second.client, threadKey)).toEqual([false, false]);
    await second.client.call('settings.set', { settings: { log_retention_days: 30 } });
    await second.close(false);

    const third = await hub({}, first.dirs);
    await waitFor('the old turn to lose its log', async () => (await logDeletedOf(third.client, threadKey))[0]);
    expect(await logDeletedOf(third.client, threadKey)).toEqual([true, false]);
    expect(rowText((await agentRows(third.client, threadKey))[0])).toContain('I am the demo agent');
    expect(await third.client.call('turn.subscribe', { turnId: old, fromSeq: 0 })).toEqual({ logDeleted: true });
    expect(third.hub.turnLogs.read(recent).length).toBeGreaterThan(3);
    await expect(third.client.call('settings.set', { settings: { log_retention_days: 0 } })).rejects.toThrow(/log_retention_days/);
  });

  it("never deletes a running turn's log, however old the cutoff", async () => {
    const { client, hub: started } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const ended = await endedTurn(client, threadKey, 'hello');
    const { turnId } = await sendText(client, threadKey, 'edit the notes');
    const turn = watchTurn(client, turnId);
    const pending = await turn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission'));
    if (pending?.type !== 'permission') throw new Error('unreachable');

    const deleted = await applyLogRetention({ turnLogs: started.turnLogs, documents: started.documents }, 1, Date.now() + 10 * DAY_MS);
    expect(deleted).toBe(1);
    expect(started.turnLogs.meta(ended)?.logDeletedAt).toEqual(expect.any(String));
    expect(started.turnLogs.meta(turnId)?.logDeletedAt).toBeUndefined();
    expect(started.turnLogs.read(turnId).length).toBeGreaterThan(0);
    // The running turn goes on and ends normally.
    await client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'reject_once' });
    expect(await turn.done()).toBe('completed');
    expect(await logDeletedOf(client, threadKey)).toEqual([true, false]);
  });

  it('reads the setting again at every tick: turned on later, the next tick deletes', async () => {
    const dirs = await makeTempDirs();
    const turnLogs = createTurnLogStore(path.join(dirs.stateDir, 'logs'));
    const documents = createChatDocumentRegistry(dirs.root);
    const old = Date.now() - 5 * DAY_MS;
    // A log whose chat file is gone: nothing to mark, so it is removed entirely.
    turnLogs.create('old-turn', { path: 'gone.chat', threadKey: '1000', createdAt: new Date(old).toISOString() });
    turnLogs.append('old-turn', { type: 'status', state: 'running', t: old });
    turnLogs.append('old-turn', { type: 'status', state: 'completed', t: old + 1000 });
    let settings: HubSettings = { ...DEFAULT_HUB_SETTINGS };
    const retention = startLogRetention({ turnLogs, documents, settings: () => settings }, 20);
    try {
      await retention.done;
      expect(turnLogs.list()).toEqual(['old-turn']);
      settings = { ...settings, log_retention_days: 1 };
      await waitFor('a tick to delete the old log', () => turnLogs.list().length === 0);
      await turnLogs.flush();
    } finally {
      retention.stop();
      await documents.close();
      await dirs.remove();
    }
  });
});
