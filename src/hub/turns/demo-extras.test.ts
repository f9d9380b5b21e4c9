import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAT_PATH, agentRows, createThread, rowText, sendText, waitFor, watchTurn } from './testing/turn-test-helpers.js';
import { useTurnHubs } from './testing/use-turn-hubs.js';

describe('demo agent extras on the real hub: help, attachments, agents, permissions timeout, fork', () => {
  const hub = useTurnHubs();

  it('help lists the behaviours; images and @file mentions reach the agent', async () => {
    const { client, dirs } = await hub();
    writeFileSync(path.join(dirs.root, 'notes.md'), '# notes\n');
    const threadKey = await createThread(client, { agent: 'demo' });
    const help = watchTurn(client, (await sendText(client, threadKey, 'help')).turnId);
    expect(await help.done()).toBe('completed');
    const text = rowText((await agentRows(client, threadKey))[0]);
    for (const keyword of ['full', 'slow', 'stubborn', 'hostile', 'edit', 'command']) expect(text).toContain(`\`${keyword}\``);
    const image = { type: 'image' as const, data: 'iVBORw0KGgo=', mimeType: 'image/png' };
    const turn = watchTurn(client, (await sendText(client, threadKey, 'hello, see @notes.md', [image])).turnId);
    expect(await turn.done()).toBe('completed');
    const prompt = turn.events.find((event) => event.type === 'prompt');
    expect(prompt?.type === 'prompt' && prompt.prompt.map((block) => block.type)).toEqual(['text', 'resource_link', 'image']);
  });

  it('hostile output is stored as data, verbatim', async () => {
    const { client } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    const { turnId } = await sendText(client, threadKey, 'hostile');
    const turn = watchTurn(client, turnId);
    const pending = await turn.waitFor('the permission', (events) => events.find((event) => event.type === 'permission'));
    if (pending?.type !== 'permission') throw new Error('unreachable');
    expect(pending.toolCall.title).toBe('Edit <img src=x onerror=alert(6)>.md');
    await client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'allow_once' });
    expect(await turn.done()).toBe('completed');
    expect(rowText((await agentRows(client, threadKey))[0])).toContain('<script>alert("x")</script>');
  });

  it('agents.list reports availability; agents.authenticate stores the key as a 0600 secret, never returned', async () => {
    const { client, dirs } = await hub();
    const before = (await client.call('agents.list', {})).agents;
    expect(before.find((agent) => agent.id === 'demo')).toMatchObject({ label: 'Demo', demo: true, installed: true, signedIn: true, enabled: true });
    expect(before.find((agent) => agent.id === 'codex')).toMatchObject({ installed: true, demo: false });
    const result = await client.call('agents.authenticate', { agent: 'codex', methodId: 'api-key', apiKey: 'sk-secret-value-123' });
    expect(result.ok).toBe(true);
    const after = await client.call('agents.list', {});
    expect(JSON.stringify(after)).not.toContain('sk-secret-value-123');
    expect(JSON.stringify(result)).not.toContain('sk-secret-value-123');
    const secretFiles = readdirSync(dirs.stateDir).map((name) => path.join(dirs.stateDir, name)).filter((file) => statSync(file).isFile() && readFileSync(file, 'utf8').includes('sk-secret-value-123'));
    expect(secretFiles.length).toBe(1);
    expect(statSync(secretFiles[0]).mode & 0o777).toBe(0o600);
    expect((await client.call('agents.authenticate', { agent: 'nope', methodId: 'api-key', apiKey: 'x' })).ok).toBe(false);
  });

  it('a permission nobody answers times out: reject is selected and recorded', async () => {
    const { client } = await hub();
    await client.call('settings.set', { settings: { permission_timeout_ms: 300 } });
    const threadKey = await createThread(client, { agent: 'demo' });
    const turn = watchTurn(client, (await sendText(client, threadKey, 'edit')).turnId);
    expect(await turn.done()).toBe('completed');
    expect(turn.events.find((event) => event.type === 'permission' && event.state === 'timed-out')).toMatchObject({ optionId: 'reject_once', decidedBy: 'timeout' });
  });

  it('session.setOption stores the option; session.fork makes a linked thread that runs', async () => {
    const { client, dirs } = await hub();
    const threadKey = await createThread(client, { agent: 'demo' });
    await client.call('session.setOption', { path: CHAT_PATH, threadKey, configId: 'model', value: 'demo-thorough' });
    const first = watchTurn(client, (await sendText(client, threadKey, 'hello')).turnId);
    expect(await first.done()).toBe('completed');
    const session = first.events.find((event) => event.type === 'session');
    const model = session?.type === 'session' ? session.configOptions?.find((option) => option.id === 'model') : undefined;
    expect(model && 'currentValue' in model && model.currentValue).toBe('demo-thorough');
    const fork = await client.call('session.fork', { path: CHAT_PATH, threadKey });
    // The demo agent offers session/fork (see agent-lifecycle.test.ts); without its record of the
    // source session the fork fails and the fork's first prompt is primed with the transcript.
    for (const name of readdirSync(path.join(dirs.stateDir, 'demo-sessions'))) rmSync(path.join(dirs.stateDir, 'demo-sessions', name));
    const { rows } = await client.call('chat.open', { path: CHAT_PATH });
    const forkRoot = rows.find((row) => row.date === new Date(Number(fork.threadKey)).toISOString());
    expect(forkRoot?.acp_config).toMatchObject({ agent: 'demo', forkedFrom: threadKey, options: { model: 'demo-thorough' } });
    expect(rowText(forkRoot)).toContain('Hello! I am the demo agent.');
    const forked = watchTurn(client, (await sendText(client, fork.threadKey, 'hello')).turnId);
    expect(await forked.done()).toBe('completed');
    const forkedPrompt = forked.events.find((event) => event.type === 'prompt');
    expect(forkedPrompt?.type === 'prompt' && forkedPrompt.prompt[0]).toMatchObject({ type: 'text', text: expect.stringContaining('Hello! I am the demo agent.') });
    await waitFor('the fork to get its own session', async () => (await agentRows(client, fork.threadKey))[0]?.acp_thread_id);
  });
});
