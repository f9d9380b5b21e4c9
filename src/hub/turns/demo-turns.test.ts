import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentRows, createThread, rowText, sendText, updatesOf, watchTurn } from './testing/turn-test-helpers.js';
import { useTurnHubs } from './testing/use-turn-hubs.js';

describe('turns with the demo agent on the real hub', () => {
  const hub = useTurnHubs();

  it('runs the full behaviour: every item kind reaches the log and the chat row', async () => {
    const { client, dirs } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId, position } = await sendText(client, threadKey, 'please take a note of this');
    expect(position).toBe(0);
    const turn = watchTurn(client, turnId);
    await turn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission' && event.state === 'pending'));
    const pending = turn.events.find((event) => event.type === 'permission')!;
    if (pending?.type !== 'permission') throw new Error('unreachable');
    expect(pending.options.map((option) => option.kind)).toEqual(['allow_once', 'allow_always', 'reject_once']);
    expect(pending.toolCall.locations?.[0]?.path).toBe('demo-notes.md');
    await client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'allow_once' });
    expect(await turn.done()).toBe('completed');

    const types = turn.events.map((event) => event.type);
    expect(types[0]).toBe('status');
    expect(types).toEqual(expect.arrayContaining(['session', 'prompt', 'update', 'permission', 'result']));
    expect(turn.events.map((event) => event.seq)).toEqual(turn.events.map((_, index) => index));
    const kinds = new Set(updatesOf(turn.events).map((update) => update.sessionUpdate));
    for (const kind of ['available_commands_update', 'agent_thought_chunk', 'agent_message_chunk', 'plan', 'tool_call', 'tool_call_update', 'usage_update']) expect(kinds).toContain(kind);
    expect(turn.events.find((event) => event.type === 'result')).toMatchObject({ usage: { inputTokens: expect.any(Number), outputTokens: 120 } });
    const output = updatesOf(turn.events, 'tool_call_update')
      .map((update) => (update._meta as { terminal_output?: { data: string } } | undefined)?.terminal_output?.data ?? '')
      .join('');
    expect(output).toContain('\u001b[32mgreen\u001b[0m');
    const diff = updatesOf(turn.events, 'tool_call').find((update) => update.kind === 'edit') as { content: Array<{ path: string; newText: string }> };
    expect(diff.content[0].path).toBe('demo-notes.md');
    const decided = turn.events.filter((event) => event.type === 'permission' && event.state === 'selected');
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ optionId: 'allow_once', decidedBy: expect.any(String), decidedAt: expect.any(String) });
    expect(readFileSync(path.join(dirs.root, 'demo-notes.md'), 'utf8')).toContain('please take a note of this');

    const [row] = await agentRows(client, threadKey);
    expect(row).toMatchObject({ generating: false, sender_id: 'demo', acp_turn: { id: turnId, state: 'completed', stopReason: 'end_turn' } });
    const text = rowText(row);
    expect(text).toContain('I listed the files.');
    expect(text).toContain('Done: demo-notes.md has a new line.');
    expect(row.acp_usage).toMatchObject({ used: 15_800, size: 128_000, inputTokens: expect.any(Number), outputTokens: 120 });
    const { rows } = await client.call('chat.open', { path: 'agents.chat' });
    const root = rows.find((candidate) => candidate.date === new Date(Number(threadKey)).toISOString());
    expect((root?.acp_config as { sessionId?: string }).sessionId).toMatch(/[0-9a-f-]{36}/);
  });

  it('denying the permission picks the reject option and writes nothing', async () => {
    const { client, dirs } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'edit the notes');
    const turn = watchTurn(client, turnId);
    const pending = await turn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission'));
    if (pending?.type !== 'permission') throw new Error('unreachable');
    await client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'reject_once' });
    expect(await turn.done()).toBe('completed');
    expect(existsSync(path.join(dirs.root, 'demo-notes.md'))).toBe(false);
    expect(rowText((await agentRows(client, threadKey))[0])).toContain('Edit rejected');
    await expect(client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'allow_once' })).rejects.toThrow(/no pending permission/);
  });

  it('runs 20 rapid sends as 20 turns in order, and cancels a queued one', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const sent = [];
    for (let index = 0; index < 20; index += 1) sent.push(await sendText(client, threadKey, `quick number ${index}`));
    expect(sent.map((entry) => entry.position)).toEqual(sent.map((_, index) => index));
    const cancelled = await sendText(client, threadKey, 'quick never runs');
    expect(await client.call('turn.cancelQueued', { turnId: cancelled.turnId })).toEqual({ cancelled: true });
    const watches = sent.map((entry) => watchTurn(client, entry.turnId));
    for (const watch of watches) expect(await watch.done()).toBe('completed');
    const cancelledTurn = watchTurn(client, cancelled.turnId);
    expect(await cancelledTurn.done()).toBe('cancelled');
    expect(cancelledTurn.events.some((event) => event.type === 'update')).toBe(false);
    const rows = await agentRows(client, threadKey);
    expect(rows.map(rowText)).toEqual(sent.map((_, index) => `ok: quick number ${index}`));
    expect(new Set(rows.map((row) => row.acp_thread_id)).size).toBe(1);
  });

  it('runs two threads at the same time', async () => {
    const { client } = await hub();
    const first = await createThread(client, { agent: 'demo' });
    const second = await createThread(client, { agent: 'demo' });
    const a = await sendText(client, first, 'slow please');
    const b = await sendText(client, second, 'hello');
    const slowTurn = watchTurn(client, a.turnId);
    const helloTurn = watchTurn(client, b.turnId);
    // The hello turn of the second thread ends while the first thread's slow command still runs.
    expect(await helloTurn.done()).toBe('completed');
    expect(slowTurn.finalState()).toBeUndefined();
    await client.call('turn.interrupt', { turnId: a.turnId });
    expect(await slowTurn.done()).toBe('cancelled');
  });
});
