import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TurnEvent } from '../../protocol/index.js';
import { CHAT_PATH, agentPid, agentRows, createThread, isAlive, sendText, updatesOf, waitFor, watchTurn } from './testing/turn-test-helpers.js';
import { useTurnHubs } from './testing/use-turn-hubs.js';

function sessionIdOf(events: TurnEvent[]): string | undefined {
  const session = events.find((event) => event.type === 'session');
  return session?.type === 'session' ? session.sessionId : undefined;
}

function optionValue(events: TurnEvent[], id: string): unknown {
  const session = events.find((event) => event.type === 'session');
  const option = session?.type === 'session' ? session.configOptions?.find((candidate) => candidate.id === id) : undefined;
  return option && 'currentValue' in option ? option.currentValue : undefined;
}

describe('agent processes: idle stop, bounded count, live options, ACP fork (demo agent, real hub)', () => {
  const hub = useTurnHubs();

  it('stops an agent idle past agentLimits.idleMs; the next turn starts a new process and loads the session', async () => {
    const { client } = await hub({ agentLimits: { idleMs: 300 } });
    const threadKey = await createThread(client, { agent: 'demo' });
    const first = await agentPid(client, threadKey);
    await waitFor('the idle agent to be stopped', () => !isAlive(first));
    const turn = watchTurn(client, (await sendText(client, threadKey, 'pid')).turnId);
    expect(await turn.done()).toBe('completed');
    const [firstRow, secondRow] = await agentRows(client, threadKey);
    expect(secondRow.acp_thread_id).toBe(firstRow.acp_thread_id);
    expect(sessionIdOf(turn.events)).toBe(firstRow.acp_thread_id);
    expect(turn.events.filter((event) => event.type === 'notice' && event.level === 'warning')).toEqual([]);
    const text = updatesOf(turn.events, 'agent_message_chunk').map((update) => (update.content as { text: string }).text).join('');
    expect(text).not.toContain(`process id is ${first}.`);
  });

  it('keeps at most agentLimits.maxLive agents: the least recently used idle one is stopped first', async () => {
    const { client } = await hub({ agentLimits: { maxLive: 2 } });
    const [a, b, c] = [await createThread(client, { agent: 'demo' }), await createThread(client, { agent: 'demo' }), await createThread(client, { agent: 'demo' })];
    const pidA = await agentPid(client, a);
    const pidB = await agentPid(client, b);
    const pidC = await agentPid(client, c);
    await waitFor('A (least recently used) to be stopped', () => !isAlive(pidA));
    expect([isAlive(pidB), isAlive(pidC)]).toEqual([true, true]);
    const pidA2 = await agentPid(client, a);
    expect(pidA2).not.toBe(pidA);
    await waitFor('B (now least recently used) to be stopped', () => !isAlive(pidB));
    expect([isAlive(pidC), isAlive(pidA2)]).toEqual([true, true]);
  });

  it('session.setOption applies to the live idle session at once, and to the next turn while one runs', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const pid = await agentPid(client, threadKey);
    const now = await client.call('session.setOption', { path: CHAT_PATH, threadKey, configId: 'model', value: 'demo-thorough' });
    expect(now).toMatchObject({ applied: 'now' });
    // The value the agent itself reported back, learned by the hub.
    const demo = (await client.call('agents.list', {})).agents.find((agent) => agent.id === 'demo');
    const model = demo?.configOptions.find((option) => option.id === 'model');
    expect(model && 'currentValue' in model && model.currentValue).toBe('demo-thorough');
    expect(isAlive(pid)).toBe(true);

    const refused = await client.call('session.setOption', { path: CHAT_PATH, threadKey, configId: 'model', value: 'no-such-model' });
    expect(refused.applied).toBe('next-turn');
    expect(refused.message).toMatch(/did not take it/);
    await client.call('session.setOption', { path: CHAT_PATH, threadKey, configId: 'model', value: 'demo-thorough' });

    const slowId = (await sendText(client, threadKey, 'slow')).turnId;
    const slow = watchTurn(client, slowId);
    await slow.waitFor('the slow command to start', (events) => updatesOf(events, 'tool_call').length > 0);
    const later = await client.call('session.setOption', { path: CHAT_PATH, threadKey, configId: 'reasoning_effort', value: 'high' });
    expect(later).toMatchObject({ applied: 'next-turn', message: expect.stringMatching(/turn is running/) });
    await slow.waitFor('the notice in the running turn', (events) => events.some((event) => event.type === 'notice' && /applies when the next turn starts/.test(event.message)));
    expect(optionValue(slow.events, 'reasoning_effort')).toBe('medium');
    await client.call('turn.interrupt', { turnId: slowId });
    expect(await slow.done()).toBe('cancelled');

    const next = watchTurn(client, (await sendText(client, threadKey, 'hello')).turnId);
    expect(await next.done()).toBe('completed');
    expect(optionValue(next.events, 'reasoning_effort')).toBe('high');
    expect(optionValue(next.events, 'model')).toBe('demo-thorough');
    expect(next.events.filter((event) => event.type === 'notice' && event.level === 'warning')).toEqual([]);
  });

  it('session.fork forks the agent session with ACP session/fork when the agent offers it (no transcript primer)', async () => {
    const { client, dirs } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const first = watchTurn(client, (await sendText(client, threadKey, 'hello there')).turnId);
    expect(await first.done()).toBe('completed');
    const sourceSession = sessionIdOf(first.events)!;
    const fork = await client.call('session.fork', { path: CHAT_PATH, threadKey });
    const turn = watchTurn(client, (await sendText(client, fork.threadKey, 'messages')).turnId);
    expect(await turn.done()).toBe('completed');
    const forkedSession = sessionIdOf(turn.events)!;
    expect(forkedSession).not.toBe(sourceSession);
    expect(turn.events.some((event) => event.type === 'notice' && event.message.includes(`forked session ${sourceSession}`))).toBe(true);
    const prompt = turn.events.find((event) => event.type === 'prompt');
    expect(prompt?.type === 'prompt' && prompt.prompt).toEqual([{ type: 'text', text: 'messages' }]);
    // The demo agent's own record of the fork: linked to the source, starting with its history.
    const saved = JSON.parse(readFileSync(path.join(dirs.stateDir, 'demo-sessions', `${forkedSession}.json`), 'utf8'));
    expect(saved.forkedFrom).toBe(sourceSession);
    expect(JSON.stringify(saved.history)).toContain('hello there');
    expect(JSON.stringify(saved.history)).toContain('Third message.');
    const source = JSON.parse(readFileSync(path.join(dirs.stateDir, 'demo-sessions', `${sourceSession}.json`), 'utf8'));
    expect(JSON.stringify(source.history)).not.toContain('Third message.');
  });

  it('session.fork falls back to a new session primed with the transcript when session/fork fails', async () => {
    const { client, dirs } = await hub({ agentLimits: { idleMs: 200 } });
    const threadKey = await createThread(client, { agent: 'demo' });
    const pid = await agentPid(client, threadKey);
    await waitFor('the idle agent to be stopped', () => !isAlive(pid));
    // The agent no longer knows the source session: its fork must fail.
    for (const name of readdirSync(path.join(dirs.stateDir, 'demo-sessions'))) rmSync(path.join(dirs.stateDir, 'demo-sessions', name));
    const fork = await client.call('session.fork', { path: CHAT_PATH, threadKey });
    const turn = watchTurn(client, (await sendText(client, fork.threadKey, 'hello')).turnId);
    expect(await turn.done()).toBe('completed');
    expect(turn.events.some((event) => event.type === 'notice' && /session\/fork .* failed/.test(event.message))).toBe(true);
    const prompt = turn.events.find((event) => event.type === 'prompt');
    expect(prompt?.type === 'prompt' && prompt.prompt[0]).toMatchObject({ type: 'text', text: expect.stringContaining(`process id is ${pid}`) });
  });
});
