import { describe, expect, it } from 'vitest';
import type { AcpApi } from '../../acp-api/index.js';
import type { AcpApiNotifications, ContentBlock, TurnEvent } from '../../protocol/index.js';
import { agentRows, CHAT_PATH, createThread, rowText, sendText, waitFor, watchTurn } from './testing/turn-test-helpers.js';
import { useTurnHubs } from './testing/use-turn-hubs.js';

/** The text the agent received in a turn (its `prompt` event). */
function promptOf(events: TurnEvent[]): string {
  const prompt = events.find((event) => event.type === 'prompt') as { prompt: ContentBlock[] } | undefined;
  return (prompt?.prompt ?? []).map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('|');
}

/** Starts the demo's slow turn (it runs `sleep 60` until interrupted) and waits until it runs. */
async function startSlow(client: AcpApi, threadKey: string) {
  const slow = await sendText(client, threadKey, 'slow please');
  const watch = watchTurn(client, slow.turnId);
  await watch.waitFor('the slow command to start', (events) => events.some((event) => event.type === 'prompt'));
  return { ...slow, watch };
}

async function queuedTexts(client: AcpApi, threadKey: string): Promise<string[]> {
  const { queues } = await client.call('queue.get', { path: CHAT_PATH });
  return (queues[threadKey] ?? []).map((turn) => turn.text);
}

describe('the queue as a plan (hub + demo agent)', () => {
  const hub = useTurnHubs();

  it('runs reordered turns in the new order, and an edited one with its new text (the chat message too)', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const changes: Array<AcpApiNotifications['queue.change']> = [];
    client.on('queue.change', (change) => void changes.push(change));
    const slow = await startSlow(client, threadKey);
    const [a, b, c] = [await sendText(client, threadKey, 'quick a'), await sendText(client, threadKey, 'quick b'), await sendText(client, threadKey, 'quick c')];
    // b's chat message, as the client writes it before turn.send
    const { rows } = await client.call('chat.open', { path: CHAT_PATH });
    const userDate = (await client.call('queue.get', { path: CHAT_PATH })).queues[threadKey][1].userDate;
    expect(rows.some((row) => row.date === userDate)).toBe(false);
    await client.call('chat.set', { path: CHAT_PATH, rows: [{ event: 'chat', date: userDate, sender_id: 'user-1', reply_to: new Date(Number(threadKey)).toISOString(), history: [{ author_id: 'user-1', content: 'quick b', date: userDate }] }] });

    const moved = await client.call('queue.move', { turnId: c.turnId, toIndex: 0 });
    expect(moved.queue.map((turn) => [turn.text, turn.position])).toEqual([['quick c', 1], ['quick a', 2], ['quick b', 3]]);
    const edited = await client.call('queue.edit', { turnId: b.turnId, prompt: 'quick b, edited' });
    expect(edited.queue[2]).toMatchObject({ text: 'quick b, edited', editedBy: expect.any(String) });
    expect(await queuedTexts(client, threadKey)).toEqual(['quick c', 'quick a', 'quick b, edited']);
    expect(changes.map((change) => change.by?.action)).toEqual(expect.arrayContaining(['move', 'edit']));
    expect(changes.find((change) => change.by?.action === 'move')?.by).toEqual({ action: 'move', accountId: edited.queue[2].editedBy, turnId: c.turnId });

    const watches = [c, a, b].map((turn) => watchTurn(client, turn.turnId));
    await client.call('turn.interrupt', { turnId: slow.turnId });
    expect(await slow.watch.done()).toBe('cancelled');
    for (const watch of watches) expect(await watch.done()).toBe('completed');
    expect(watches.map((watch) => promptOf(watch.events))).toEqual(['quick c', 'quick a', 'quick b, edited']);
    const texts = (await agentRows(client, threadKey)).map(rowText);
    expect(texts.slice(1)).toEqual(['ok: quick c', 'ok: quick a', 'ok: quick b, edited']);
    const message = (await client.call('chat.open', { path: CHAT_PATH })).rows.find((row) => row.date === userDate);
    expect((message?.history as Array<{ content: string }>).map((entry) => entry.content)).toEqual(['quick b, edited', 'quick b']);
  });

  it('send now interrupts the running turn and runs the chosen one next', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const slow = await startSlow(client, threadKey);
    const a = await sendText(client, threadKey, 'quick a');
    const b = await sendText(client, threadKey, 'quick b');
    const [watchA, watchB] = [watchTurn(client, a.turnId), watchTurn(client, b.turnId)];
    const { queue } = await client.call('queue.sendNow', { turnId: b.turnId });
    expect(queue.map((turn) => turn.text)).toEqual(['quick b', 'quick a']);
    expect(await slow.watch.done()).toBe('cancelled');
    expect(await watchB.done()).toBe('completed');
    expect(await watchA.done()).toBe('completed');
    expect((await agentRows(client, threadKey)).map(rowText).slice(1)).toEqual(['ok: quick b', 'ok: quick a']);
  });

  it('pause holds the queue after the running turn; resume goes on', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const pausedChanges: boolean[] = [];
    client.on('queue.change', (change) => void (change.by?.action === 'pause' || change.by?.action === 'resume' ? pausedChanges.push(Boolean(change.paused)) : undefined));
    const slow = await startSlow(client, threadKey);
    const a = await sendText(client, threadKey, 'quick a');
    const watchA = watchTurn(client, a.turnId);
    expect(await client.call('queue.pause', { path: CHAT_PATH, threadKey, paused: true })).toEqual({ paused: true });
    expect((await client.call('queue.get', { path: CHAT_PATH })).paused).toEqual([threadKey]);
    await client.call('turn.interrupt', { turnId: slow.turnId });
    expect(await slow.watch.done()).toBe('cancelled');
    // The running turn ended; the paused queue still holds a (a plain sleep would only prove it had not started yet).
    const held = await sendText(client, threadKey, 'quick held');
    expect(held.position).toBe(1);
    expect(await queuedTexts(client, threadKey)).toEqual(['quick a', 'quick held']);
    expect(watchA.events.map((event) => (event as { state?: string }).state)).toEqual(['queued']);
    await client.call('queue.pause', { path: CHAT_PATH, threadKey, paused: false });
    expect(await watchA.done()).toBe('completed');
    expect(await watchTurn(client, held.turnId).done()).toBe('completed');
    expect(pausedChanges).toEqual([true, false]);
    expect((await client.call('queue.get', { path: CHAT_PATH })).paused).toEqual([]);
  });

  it('refuses bad input clearly: unknown or started turns, an empty edit, a bad index', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const slow = await startSlow(client, threadKey);
    const a = await sendText(client, threadKey, 'quick a');
    await expect(client.call('queue.move', { turnId: slow.turnId, toIndex: 0 })).rejects.toThrow(/is not queued/);
    await expect(client.call('queue.edit', { turnId: 'turn-nope', prompt: 'x' })).rejects.toThrow(/is not queued/);
    await expect(client.call('queue.edit', { turnId: a.turnId, prompt: '   ' })).rejects.toThrow(/cannot be empty/);
    await expect(client.call('queue.move', { turnId: a.turnId, toIndex: -1 })).rejects.toThrow(/invalid params/);
    await expect(client.call('queue.pause', { path: '../x.chat', threadKey, paused: true })).rejects.toThrow();
    expect((await client.call('queue.move', { turnId: a.turnId, toIndex: 99 })).queue.map((turn) => turn.text)).toEqual(['quick a']);
    await client.call('turn.interrupt', { turnId: slow.turnId });
    await waitFor('the queue to drain', async () => (await queuedTexts(client, threadKey)).length === 0);
  });
});
