import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedGeminiServer, type GeminiPart, type GeminiRequest, type ScriptedGeminiServer } from '../../agents/testing/scripted-gemini-server.js';
import { childAgentPids } from './testing/child-agent-pids.js';
import { agentRows, rowText, sendText, startScenario, startTurnHub, updatesOf, watchTurn, type TurnHub } from './testing/turn-test-helpers.js';

// The scripted model: the prompt's keyword picks the first reply; after a tool result it sums up.
function script(request: GeminiRequest): GeminiPart[] {
  if (request.afterToolResult) return [{ type: 'text', text: 'The tool finished.' }];
  const text = request.userText;
  if (text.includes('scenario:run')) return [{ type: 'thought', text: '**Looking around**' }, { type: 'call', name: 'run_shell_command', args: { command: 'echo building; ls', description: 'List files' } }];
  if (text.includes('scenario:fail')) return [{ type: 'call', name: 'run_shell_command', args: { command: 'ls /no-such-folder-here', description: 'Fail' } }];
  if (text.includes('scenario:write')) return [{ type: 'call', name: 'write_file', args: { file_path: 'notes.md', content: '# Notes\nfirst line\n' } }];
  if (text.includes('scenario:slow')) return [{ type: 'call', name: 'run_shell_command', args: { command: 'sleep 60', description: 'Wait a minute' } }];
  return [{ type: 'thought', text: 'A greeting.' }, { type: 'text', text: 'Hello from the scripted Gemini.' }];
}

describe('turns with the real Gemini CLI (gemini --acp) on a scripted Gemini API', { timeout: 180_000 }, () => {
  let server: ScriptedGeminiServer;
  let setup: TurnHub;

  beforeAll(async () => {
    server = await startScriptedGeminiServer(script);
    process.env.GOOGLE_GEMINI_BASE_URL = server.baseUrl;
    setup = await startTurnHub();
    const auth = await setup.client.call('agents.authenticate', { agent: 'gemini', methodId: 'api-key', apiKey: 'gemini-test-not-a-real-key' });
    expect(auth.ok).toBe(true);
  });
  afterAll(async () => {
    delete process.env.GOOGLE_GEMINI_BASE_URL;
    await setup?.close();
    await server?.close();
  });

  const runScenario = (name: string, config?: Parameters<typeof startScenario>[3]) => startScenario(setup.client, 'gemini', name, config);

  it('says hello: the message on the row, no [MODE_UPDATE] in it, token counts from _meta.quota in the result', async () => {
    const { threadKey, turn } = await runScenario('hello');
    expect(await turn.done(120_000)).toBe('completed');
    expect(turn.events.filter((event) => event.type === 'error')).toEqual([]);
    const [row] = await agentRows(setup.client, threadKey);
    expect(rowText(row)).toBe('Hello from the scripted Gemini.');
    expect(turn.events.find((event) => event.type === 'result')).toMatchObject({ usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) } });
  });

  it('runs a command: its output arrives as text when it ends', async () => {
    writeFileSync(path.join(setup.dirs.root, 'a.txt'), 'content\n');
    const { turn } = await runScenario('run');
    expect(await turn.done(120_000)).toBe('completed');
    expect(JSON.stringify(updatesOf(turn.events, 'tool_call_update'))).toContain('building');
    expect(JSON.stringify(updatesOf(turn.events, 'tool_call_update'))).toContain('a.txt');
  });

  it('a failing command: its output says how it failed', async () => {
    const { turn } = await runScenario('fail');
    expect(await turn.done(120_000)).toBe('completed');
    expect(JSON.stringify(updatesOf(turn.events, 'tool_call_update'))).toMatch(/No such file or directory/);
  });

  it('in the default mode a new file asks first; approved, the diff arrives and the file exists', async () => {
    const { turnId, turn } = await runScenario('write', { options: { mode: 'default' } });
    const pending = await turn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission'), 120_000);
    if (pending?.type !== 'permission') throw new Error('unreachable');
    const allow = pending.options.find((option) => option.kind === 'allow_once');
    await setup.client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: allow!.optionId });
    expect(await turn.done(120_000)).toBe('completed');
    const diff = updatesOf(turn.events, 'tool_call_update')
      .flatMap((update) => (Array.isArray(update.content) ? (update.content as Array<{ type: string; path?: string; oldText?: string | null }>) : []))
      .find((item) => item.type === 'diff');
    expect(diff).toMatchObject({ path: 'notes.md', oldText: '' });
    expect(readFileSync(path.join(setup.dirs.root, 'notes.md'), 'utf8')).toBe('# Notes\nfirst line\n');
  });

  it('cancels a slow command: the turn ends cancelled', async () => {
    const { threadKey, turnId, turn } = await runScenario('slow');
    await turn.waitFor('the sleep to start', (events) => updatesOf(events, 'tool_call').length > 0, 120_000);
    await setup.client.call('turn.interrupt', { turnId });
    expect(await turn.done(60_000)).toBe('cancelled');
    expect((await agentRows(setup.client, threadKey))[0]).toMatchObject({ generating: false, acp_turn: { state: 'cancelled' } });
  });

  it('after the agent was killed, the next turn starts a new one and loads the same session', async () => {
    const { threadKey, turn } = await runScenario('hello');
    expect(await turn.done(120_000)).toBe('completed');
    const sessionId = (await agentRows(setup.client, threadKey))[0].acp_thread_id;
    for (const pid of childAgentPids('gemini')) process.kill(-pid, 'SIGKILL');
    const next = watchTurn(setup.client, (await sendText(setup.client, threadKey, 'scenario:hello again')).turnId);
    await next.done(120_000);
    expect(next.events.filter((event) => event.type === 'error')).toEqual([]);
    expect(next.finalState()).toBe('completed');
    expect(next.events.find((event) => event.type === 'session')).toMatchObject({ sessionId });
  });
});
