import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedCodexConfig, startScriptedResponsesServer, type ScriptedItem, type ScriptedResponsesServer } from '../../agents/testing/scripted-responses-server.js';
import { agentRows, createThread, rowText, sendText, startTurnHub, updatesOf, watchTurn, type TurnHub } from './testing/turn-test-helpers.js';

const PATCH = ['*** Begin Patch', '*** Update File: a.txt', '@@', '-content', '+content changed', '*** Add File: notes.md', '+# Notes', '+first line', '*** End Patch', ''].join('\n');

// The scripted model: the prompt's keyword picks the first reply; after a tool result it sums up.
function script(request: { userText: string; afterToolOutput: boolean }): ScriptedItem[] {
  if (request.afterToolOutput) return [{ type: 'message', text: 'The tool finished; all done.' }];
  const text = request.userText;
  if (text.includes('scenario:run')) return [{ type: 'reasoning', text: '**Running** a command' }, { type: 'exec', cmd: "echo building; printf '\\033[32mgreen\\033[0m\\n'" }];
  if (text.includes('scenario:patch')) return [{ type: 'message', text: 'Editing two files.' }, { type: 'apply_patch', patch: PATCH }];
  if (text.includes('scenario:escalate')) return [{ type: 'exec', cmd: 'touch escalated.txt', escalate: true }];
  if (text.includes('scenario:leak')) return [{ type: 'exec', cmd: 'echo "key=sk-test-not-a-real-key admin=$CODEX_CHAT_ADMIN_TOKEN"' }];
  if (text.includes('scenario:slow')) return [{ type: 'exec', cmd: 'sleep 60', timeoutMs: 120_000 }];
  return [{ type: 'message', text: 'ok' }];
}

describe('turns with the real Codex agent (codex-acp) on a scripted model', () => {
  let server: ScriptedResponsesServer;
  let setup: TurnHub;
  let envHome: string;

  beforeAll(async () => {
    server = await startScriptedResponsesServer(script);
    envHome = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-codex-home-'));
    mkdirSync(path.join(envHome, '.codex'));
    writeFileSync(path.join(envHome, '.codex', 'config.toml'), scriptedCodexConfig(server.baseUrl));
    setup = await startTurnHub();
    const auth = await setup.client.call('agents.authenticate', { agent: 'codex', methodId: 'api-key', apiKey: 'sk-test-not-a-real-key' });
    expect(auth.ok).toBe(true);
  });
  afterAll(async () => {
    await setup?.close();
    await server?.close();
    rmSync(envHome, { recursive: true, force: true });
  });

  async function runScenario(name: string, sessionMode: 'read-only' | 'workspace-write' = 'workspace-write') {
    const threadKey = await createThread(setup.client, { agent: 'codex', envHome, sessionMode });
    const { turnId } = await sendText(setup.client, threadKey, `scenario:${name}`);
    return { threadKey, turnId, turn: watchTurn(setup.client, turnId) };
  }

  it('runs a command: terminal output streams into the log, the reply reaches the row', async () => {
    const { threadKey, turn } = await runScenario('run');
    expect(await turn.done(120_000)).toBe('completed');
    const output = updatesOf(turn.events, 'tool_call_update')
      .map((update) => (update._meta as { terminal_output?: { data: string } } | undefined)?.terminal_output?.data ?? '')
      .join('');
    expect(output).toContain('building');
    expect(output).toContain('\u001b[32mgreen\u001b[0m');
    expect(updatesOf(turn.events, 'tool_call')[0]).toMatchObject({ kind: 'execute', rawInput: { cwd: '.' } });
    expect(updatesOf(turn.events, 'agent_thought_chunk').length).toBeGreaterThan(0);
    const session = turn.events.find((event) => event.type === 'session');
    expect(session?.type === 'session' && session.configOptions?.map((option) => option.id)).toEqual(expect.arrayContaining(['mode', 'model']));
    const [row] = await agentRows(setup.client, threadKey);
    expect(row).toMatchObject({ generating: false, sender_id: 'codex', acp_turn: { state: 'completed', stopReason: 'end_turn' } });
    expect(rowText(row)).toBe('The tool finished; all done.');
    expect(row.acp_usage).toMatchObject({ size: expect.any(Number), used: expect.any(Number), inputTokens: expect.any(Number), outputTokens: expect.any(Number) });
  });

  it('edits files with apply_patch: the diffs arrive, workspace-relative, and the files change', async () => {
    writeFileSync(path.join(setup.dirs.root, 'a.txt'), 'content\n');
    const { threadKey, turn } = await runScenario('patch');
    expect(await turn.done(120_000)).toBe('completed');
    const edit = updatesOf(turn.events, 'tool_call').find((update) => update.kind === 'edit') as { content: Array<{ path: string; oldText: string | null; newText: string }> };
    expect(edit.content.map((item) => item.path).sort()).toEqual(['a.txt', 'notes.md']);
    expect(edit.content.find((item) => item.path === 'notes.md')?.oldText).toBeNull();
    expect(readFileSync(path.join(setup.dirs.root, 'a.txt'), 'utf8')).toBe('content changed\n');
    expect(readFileSync(path.join(setup.dirs.root, 'notes.md'), 'utf8')).toBe('# Notes\nfirst line\n');
    expect(rowText((await agentRows(setup.client, threadKey))[0])).toBe('Editing two files.\n\nThe tool finished; all done.');
  });

  it('in read-only mode asks permission; the approval is recorded with who and when', async () => {
    const { turnId, turn } = await runScenario('escalate', 'read-only');
    const pending = await turn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission'), 120_000);
    if (pending?.type !== 'permission') throw new Error('unreachable');
    const allow = pending.options.find((option) => option.kind === 'allow_once');
    expect(pending.options.some((option) => option.kind === 'reject_once')).toBe(true);
    await setup.client.call('permission.respond', { turnId, requestId: pending.requestId, optionId: allow!.optionId });
    expect(await turn.done(120_000)).toBe('completed');
    expect(turn.events.find((event) => event.type === 'permission' && event.state === 'selected')).toMatchObject({ optionId: allow!.optionId, decidedBy: expect.any(String) });
    const statuses = turn.events.filter((event) => event.type === 'status').map((event) => (event as { state: string }).state);
    expect(statuses).toContain('awaiting-permission');
    expect(readFileSync(path.join(setup.dirs.root, 'escalated.txt'), 'utf8')).toBe('');
  });

  it('session.fork forks the Codex session with ACP session/fork: the fork\'s model request carries the old history, without a primer', async () => {
    const { threadKey, turn } = await runScenario('remember-fork-marker-7731');
    expect(await turn.done(120_000)).toBe('completed');
    const sourceSession = (await agentRows(setup.client, threadKey))[0].acp_thread_id;
    const fork = await setup.client.call('session.fork', { path: 'agents.chat', threadKey });
    const forked = watchTurn(setup.client, (await sendText(setup.client, fork.threadKey, 'scenario:after-fork')).turnId);
    expect(await forked.done(120_000)).toBe('completed');
    expect(forked.events.some((event) => event.type === 'notice' && event.message.includes(`forked session ${String(sourceSession)}`))).toBe(true);
    const forkSession = forked.events.find((event) => event.type === 'session');
    expect(forkSession?.type === 'session' && forkSession.sessionId).not.toBe(sourceSession);
    const request = server.requests.find((candidate) => candidate.userText.includes('scenario:after-fork'));
    const input = JSON.stringify(request?.body.input);
    expect(input).toContain('remember-fork-marker-7731');
    expect(input).not.toContain('Context from the thread this one was forked from');
  });

  it('secrets stay out of what a browser gets: agents.list, settings.get, /customize, turn events, the row; the hub\'s own variables stay out of the agent', async () => {
    process.env.CODEX_CHAT_ADMIN_TOKEN = 'hub-admin-token-5521';
    try {
      const { threadKey, turn } = await runScenario('leak');
      expect(await turn.done(120_000)).toBe('completed');
      const output = updatesOf(turn.events, 'tool_call_update').map((update) => (update._meta as { terminal_output?: { data: string } } | undefined)?.terminal_output?.data ?? '').join('');
      expect(output).toContain('key=[redacted secret] admin=\n');
      const seen = JSON.stringify([
        turn.events,
        await agentRows(setup.client, threadKey),
        await setup.client.call('agents.list', {}),
        await setup.client.call('settings.get', {}),
        await (await fetch(`http://127.0.0.1:${setup.hub.port}/customize`, { headers: { Cookie: `codex_chat_token_${setup.hub.port}=${setup.hub.token}` } })).json(),
      ]);
      expect(seen).not.toContain('sk-test-not-a-real-key');
      expect(seen).not.toContain('hub-admin-token-5521');
    } finally {
      delete process.env.CODEX_CHAT_ADMIN_TOKEN;
    }
  });

  it('cancels a slow command: the turn ends cancelled', async () => {
    const { threadKey, turnId, turn } = await runScenario('slow');
    await turn.waitFor('the sleep to start', (events) => updatesOf(events, 'tool_call').length > 0, 120_000);
    await setup.client.call('turn.interrupt', { turnId });
    expect(await turn.done(60_000)).toBe('cancelled');
    expect(turn.events.find((event) => event.type === 'result')).toMatchObject({ stopReason: 'cancelled' });
    expect((await agentRows(setup.client, threadKey))[0]).toMatchObject({ generating: false, acp_turn: { state: 'cancelled' } });
  });
});
