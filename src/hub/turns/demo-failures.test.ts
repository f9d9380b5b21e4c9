import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentRows, createThread, isAlive, rowText, sendText, updatesOf, waitFor, watchTurn } from './testing/turn-test-helpers.js';
import { useTurnHubs } from './testing/use-turn-hubs.js';

describe('interrupts and failures with the demo agent on the real hub', () => {
  const hub = useTurnHubs();

  it('interrupts a slow command: status stopping, then cancelled; the open tool call stays for the reducer to close', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'slow');
    const turn = watchTurn(client, turnId);
    await turn.waitFor('the sleep to start', (events) => updatesOf(events, 'tool_call').length > 0);
    await client.call('turn.interrupt', { turnId });
    expect(await turn.done()).toBe('cancelled');
    const states = turn.events.filter((event) => event.type === 'status').map((event) => (event as { state: string }).state);
    expect(states).toEqual(['queued', 'starting', 'running', 'stopping', 'cancelled']);
    // Who interrupted is recorded for the "Bo interrupted" line: this client's account.
    const { accountId } = await client.call('settings.get', {});
    expect(turn.events.find((event) => event.type === 'status' && event.state === 'stopping')).toMatchObject({ by: accountId });
    expect(turn.events.find((event) => event.type === 'result')).toMatchObject({ stopReason: 'cancelled' });
    // The agent honoured session/cancel: no kill notice.
    expect(turn.events.some((event) => event.type === 'notice' && /killed/.test(event.message))).toBe(false);
    expect(turn.events.find((event) => event.type === 'result')).not.toHaveProperty('killed');
    const [row] = await agentRows(client, threadKey);
    expect(row).toMatchObject({ generating: false, acp_turn: { state: 'cancelled', stopReason: 'cancelled' } });
  });

  it('interrupting a turn that waits for permission answers it cancelled and ends the turn cancelled', async () => {
    const { client, dirs } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'edit');
    const turn = watchTurn(client, turnId);
    await turn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission'));
    await client.call('turn.interrupt', { turnId });
    expect(await turn.done()).toBe('cancelled');
    expect(turn.events.find((event) => event.type === 'permission' && event.state === 'cancelled')).toMatchObject({ decidedBy: 'interrupt' });
    expect(existsSync(`${dirs.root}/demo-notes.md`)).toBe(false);
  });

  it('kills an agent that ignores cancel; the turn ends cancelled and the next turn resumes the session', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'stubborn');
    const turn = watchTurn(client, turnId);
    await turn.waitFor('the stubborn message', (events) => updatesOf(events, 'agent_message_chunk').length > 0);
    await client.call('turn.interrupt', { turnId });
    expect(await turn.done()).toBe('cancelled');
    expect(turn.events.some((event) => event.type === 'notice' && /killed/.test(event.message))).toBe(true);
    expect(turn.events.find((event) => event.type === 'result')).toMatchObject({ stopReason: 'cancelled', killed: true });
    const sessionId = (await agentRows(client, threadKey))[0].acp_thread_id;
    const next = await sendText(client, threadKey, 'hello again');
    const nextTurn = watchTurn(client, next.turnId);
    expect(await nextTurn.done()).toBe('completed');
    expect(nextTurn.events.find((event) => event.type === 'session')).toMatchObject({ sessionId });
    expect((await agentRows(client, threadKey))[1].acp_thread_id).toBe(sessionId);
  });

  it('an agent killed mid-turn ends the turn with a clear error (stderr tail); the next turn loads the session', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const first = await sendText(client, threadKey, 'hello');
    expect(await watchTurn(client, first.turnId).done()).toBe('completed');
    const { turnId } = await sendText(client, threadKey, 'crash now');
    const turn = watchTurn(client, turnId);
    expect(await turn.done()).toBe('failed');
    const error = turn.events.find((event) => event.type === 'error');
    expect(error?.type === 'error' && error.message).toMatch(/exited with code 3[\s\S]*crashing on purpose/);
    const rows = await agentRows(client, threadKey);
    expect(rows[1]).toMatchObject({ generating: false, acp_turn: { state: 'failed', error: expect.stringContaining('crashing on purpose') } });
    const next = await sendText(client, threadKey, 'messages');
    const nextTurn = watchTurn(client, next.turnId);
    expect(await nextTurn.done()).toBe('completed');
    expect(nextTurn.events.some((event) => event.type === 'notice')).toBe(false);
    expect(nextTurn.events.find((event) => event.type === 'session')).toMatchObject({ sessionId: rows[0].acp_thread_id });
    // All three messages of the turn are on the row, not only the last.
    expect(rowText((await agentRows(client, threadKey))[2])).toBe('First message.\n\nSecond message.\n\nThird message.');
  });

  it('a hub restart mid-turn marks the turn interrupted and its queue goes on', async () => {
    const first = await hub();
    const threadKey = await createThread(first.client, { agent: 'demo' });
    const { turnId } = await sendText(first.client, threadKey, 'slow');
    const turn = watchTurn(first.client, turnId);
    await turn.waitFor('the sleep to start', (events) => updatesOf(events, 'tool_call').length > 0);
    const queued = await sendText(first.client, threadKey, 'hello');
    expect(queued.position).toBe(1);
    // Simulate a crash: the logs and document on disk stay as they are; no orderly turn end.
    await first.hub.turnLogs.flush();
    await first.hub.documents.flush();
    first.client.close();
    await first.hub.close();
    const second = await hub({}, first.dirs);
    const replay = watchTurn(second.client, turnId);
    expect(await replay.done()).toBe('interrupted');
    expect(replay.events.find((event) => event.type === 'error')).toMatchObject({ code: 'interrupted' });
    // The turn queued behind it was saved with its prompt: it runs now, without anyone sending it again.
    expect(await watchTurn(second.client, queued.turnId).done()).toBe('completed');
    const rows = await agentRows(second.client, threadKey);
    expect(rows.find((row) => (row.acp_turn as { id?: string } | undefined)?.id === turnId)).toMatchObject({ generating: false, acp_turn: { state: 'interrupted' } });
    const next = await sendText(second.client, threadKey, 'hello');
    expect(await watchTurn(second.client, next.turnId).done()).toBe('completed');
  });

  it('a turn accepted just before a crash, whose first log line never reached the disk, still runs after the restart', async () => {
    const first = await hub();
    const threadKey = await createThread(first.client, { agent: 'demo' });
    const slow = await sendText(first.client, threadKey, 'slow');
    await watchTurn(first.client, slow.turnId).waitFor('the sleep to start', (events) => updatesOf(events, 'tool_call').length > 0);
    const queued = await sendText(first.client, threadKey, 'hello');
    await first.hub.turnLogs.flush();
    await first.hub.documents.flush();
    first.client.close();
    await first.hub.close();
    // A kill -9 right after turn.send was answered: the meta and the saved prompt are on disk, the log's lines are not.
    rmSync(path.join(first.dirs.stateDir, 'logs', `${queued.turnId}.jsonl`));
    const second = await hub({}, first.dirs);
    expect(await watchTurn(second.client, slow.turnId).done()).toBe('interrupted');
    const rerun = watchTurn(second.client, queued.turnId);
    expect(await rerun.done()).toBe('completed');
  });

  it('an agent that cannot start fails the turn with a clear error', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'no-such-agent' });
    const { turnId } = await sendText(client, threadKey, 'hello');
    const turn = watchTurn(client, turnId);
    expect(await turn.done()).toBe('failed');
    expect(turn.events.find((event) => event.type === 'error')).toMatchObject({ message: expect.stringContaining('Unknown agent "no-such-agent"') });
    await waitFor('the row to end', async () => (await agentRows(client, threadKey))[0]?.generating === false);
  });

  it('shutdown kills every agent process group', async () => {
    const started = await hub();
    const threadKey = await createThread(started.client, { agent: 'demo' });
    const { turnId } = await sendText(started.client, threadKey, 'slow');
    const turn = watchTurn(started.client, turnId);
    await turn.waitFor('the command to start', (events) => updatesOf(events, 'tool_call').length > 0);
    // Only the agents this test process spawned (other suites may run demo agents at the same time).
    const pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'src/agents/demo/main.ts']).toString().trim().split('\n').map(Number);
    expect(pids.length).toBeGreaterThan(0);
    await started.close();
    await waitFor('the agent processes to be gone', () => pids.every((pid) => !isAlive(pid)));
  });
});
