import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedAnthropicServer, type ClaudeBlock, type ClaudeRequest, type ScriptedAnthropicServer } from '../../agents/testing/scripted-anthropic-server.js';
import { childAgentPids } from './testing/child-agent-pids.js';
import { agentRows, rowText, sendText, startScenario, startTurnHub, updatesOf, watchTurn, type TurnHub } from './testing/turn-test-helpers.js';

// The scripted model: the prompt's keyword picks the first reply; after a tool result it sums up.
function script(request: ClaudeRequest): ClaudeBlock[] {
  if (request.afterToolResult) return [{ type: 'text', text: `The tool finished: ${request.toolResults.join(' | ').slice(0, 200)}` }];
  const text = request.userText;
  if (text.includes('scenario:run')) return [{ type: 'thinking', text: 'I will list the workspace.' }, { type: 'tool_use', name: 'Bash', input: { command: 'echo building; ls', description: 'List files' } }];
  if (text.includes('scenario:fail')) return [{ type: 'tool_use', name: 'Bash', input: { command: 'ls /no-such-folder-here', description: 'Fail' } }];
  if (text.includes('scenario:write')) return [{ type: 'tool_use', name: 'Write', input: { file_path: 'notes.md', content: '# Notes\nfirst line\n' } }];
  if (text.includes('scenario:mkdir')) return [{ type: 'tool_use', name: 'Bash', input: { command: 'mkdir made-by-claude', description: 'Make a folder' } }];
  if (text.includes('scenario:slow')) return [{ type: 'tool_use', name: 'Bash', input: { command: 'sleep 60', description: 'Wait a minute', timeout: 120_000 } }];
  return [{ type: 'thinking', text: 'A greeting.' }, { type: 'text', text: 'Hello from the scripted Claude.' }];
}

describe('turns with the real Claude agent (claude-agent-acp) on a scripted Messages API', { timeout: 180_000 }, () => {
  let server: ScriptedAnthropicServer;
  let setup: TurnHub;

  beforeAll(async () => {
    server = await startScriptedAnthropicServer(script);
    process.env.ANTHROPIC_BASE_URL = server.baseUrl;
    setup = await startTurnHub();
    const auth = await setup.client.call('agents.authenticate', { agent: 'claude', methodId: 'api-key', apiKey: 'sk-ant-test-not-a-real-key' });
    expect(auth.ok).toBe(true);
  });
  afterAll(async () => {
    delete process.env.ANTHROPIC_BASE_URL;
    await setup?.close();
    await server?.close();
  });

  const runScenario = (name: string, config?: Parameters<typeof startScenario>[3]) => startScenario(setup.client, 'claude', name, config);

  it('says hello: thinking, one message on the row, and size/cost usage on the meter', async () => {
    const { threadKey, turn } = await runScenario('hello');
    expect(await turn.done(120_000)).toBe('completed');
    expect(updatesOf(turn.events, 'agent_thought_chunk').length).toBeGreaterThan(0);
    const [row] = await agentRows(setup.client, threadKey);
    expect(rowText(row)).toBe('Hello from the scripted Claude.');
    expect(row.acp_usage).toMatchObject({ size: expect.any(Number), used: expect.any(Number), inputTokens: expect.any(Number) });
    const session = turn.events.find((event) => event.type === 'session');
    expect(session?.type === 'session' && session.configOptions?.find((option) => option.id === 'mode')).toMatchObject({ currentValue: 'bypassPermissions' });
  });

  it('runs a command: the output arrives in _meta.terminal_output (offered in initialize) and exits 0', async () => {
    writeFileSync(path.join(setup.dirs.root, 'a.txt'), 'content\n');
    const { threadKey, turn } = await runScenario('run');
    expect(await turn.done(120_000)).toBe('completed');
    const updates = updatesOf(turn.events, 'tool_call_update');
    const output = updates.map((update) => (update._meta as { terminal_output?: { data: string } } | undefined)?.terminal_output?.data ?? '').join('');
    expect(output).toContain('building');
    expect(output).toContain('a.txt');
    expect(updates.some((update) => (update._meta as { terminal_exit?: { exit_code: number } } | undefined)?.terminal_exit?.exit_code === 0)).toBe(true);
    expect(rowText((await agentRows(setup.client, threadKey))[0])).toContain('The tool finished');
  });

  it('a failing command ends failed with its exit code', async () => {
    const { turn } = await runScenario('fail');
    expect(await turn.done(120_000)).toBe('completed');
    const failed = updatesOf(turn.events, 'tool_call_update').find((update) => update.status === 'failed');
    expect(failed).toBeDefined();
    expect(JSON.stringify(updatesOf(turn.events, 'tool_call_update'))).toMatch(/exit_code":2/);
  });

  it('writes a new file: a diff with oldText null, workspace-relative, and the file exists', async () => {
    const { turn } = await runScenario('write');
    expect(await turn.done(120_000)).toBe('completed');
    const diff = [...updatesOf(turn.events, 'tool_call'), ...updatesOf(turn.events, 'tool_call_update')]
      .flatMap((update) => (Array.isArray(update.content) ? (update.content as Array<{ type: string; path?: string; oldText?: string | null }>) : []))
      .find((item) => item.type === 'diff');
    expect(diff).toMatchObject({ path: 'notes.md', oldText: null });
    expect(readFileSync(path.join(setup.dirs.root, 'notes.md'), 'utf8')).toBe('# Notes\nfirst line\n');
  });

  it('in Manual mode asks before mkdir; the approval lets it run', async () => {
    const { turnId, turn } = await runScenario('mkdir', { options: { mode: 'default' } });
    const pending = await turn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission'), 120_000);
    if (pending?.type !== 'permission') throw new Error('unreachable');
    const allow = pending.options.find((option) => option.kind === 'allow_once');
    await setup.client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: allow!.optionId });
    expect(await turn.done(120_000)).toBe('completed');
    expect(turn.events.find((event) => event.type === 'permission' && event.state === 'selected')).toMatchObject({ optionId: allow!.optionId });
    expect(statSync(path.join(setup.dirs.root, 'made-by-claude')).isDirectory()).toBe(true);
  });

  it('cancels a slow command: the turn ends cancelled', async () => {
    const { threadKey, turnId, turn } = await runScenario('slow');
    await turn.waitFor('the sleep to start', (events) => updatesOf(events, 'tool_call_update').some((update) => JSON.stringify(update.rawInput ?? '').includes('sleep')), 120_000);
    await setup.client.call('turn.interrupt', { turnId });
    expect(await turn.done(60_000)).toBe('cancelled');
    expect((await agentRows(setup.client, threadKey))[0]).toMatchObject({ generating: false, acp_turn: { state: 'cancelled' } });
  });

  it('after the agent was killed, the next turn starts a new one and loads the same session', async () => {
    const { threadKey, turn } = await runScenario('hello');
    expect(await turn.done(120_000)).toBe('completed');
    const sessionId = (await agentRows(setup.client, threadKey))[0].acp_thread_id;
    const pids = childAgentPids('claude-agent-acp');
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(-pid, 'SIGKILL');
    const next = watchTurn(setup.client, (await sendText(setup.client, threadKey, 'scenario:hello again')).turnId);
    await next.done(120_000);
    expect(next.events.filter((event) => event.type === 'error')).toEqual([]);
    expect(next.finalState()).toBe('completed');
    expect(next.events.find((event) => event.type === 'session')).toMatchObject({ sessionId });
    expect(rowText((await agentRows(setup.client, threadKey))[1])).toBe('Hello from the scripted Claude.');
  });
});
