// The site gateway with the real codex-acp: with `codex_gateway_url` set, the hub signs Codex in
// with codex-acp's `gateway` method, and the model requests go to that gateway with the key as
// Bearer token. Codex's own config names no provider: without the gateway it would call OpenAI
// (no network here) and the turn would fail.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedResponsesServer, type ScriptedResponsesServer } from '../../agents/testing/scripted-responses-server.js';
import { agentRows, createThread, rowText, sendText, startTurnHub, watchTurn, type TurnHub } from './testing/turn-test-helpers.js';

describe('Codex through the site model gateway', () => {
  let gateway: ScriptedResponsesServer;
  let setup: TurnHub;
  let envHome: string;

  beforeAll(async () => {
    gateway = await startScriptedResponsesServer(() => [{ type: 'message', text: 'answered by the gateway' }]);
    envHome = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-gateway-home-'));
    mkdirSync(path.join(envHome, '.codex'));
    writeFileSync(path.join(envHome, '.codex', 'config.toml'), 'model = "gpt-5.5"\n');
    setup = await startTurnHub();
    expect((await setup.client.call('agents.authenticate', { agent: 'codex', methodId: 'api-key', apiKey: 'sk-gateway-test-key' })).ok).toBe(true);
  });
  afterAll(async () => {
    await setup?.close();
    await gateway?.close();
    rmSync(envHome, { recursive: true, force: true });
  });

  it('refuses a gateway URL that is not http(s)', async () => {
    await expect(setup.client.call('settings.set', { settings: { codex_gateway_url: 'file:///etc/passwd' } })).rejects.toThrow(/the gateway URL must be an http:\/\/ or https:\/\/ URL/);
  });

  it('signs Codex in to the gateway; the model request reaches it with the key as Bearer token', async () => {
    await setup.client.call('settings.set', { settings: { codex_gateway_url: gateway.baseUrl } });
    const threadKey = await createThread(setup.client, { agent: 'codex', envHome, sessionMode: 'read-only' });
    const { turnId } = await sendText(setup.client, threadKey, 'hello gateway');
    const turn = watchTurn(setup.client, turnId);
    expect(await turn.done(120_000)).toBe('completed');
    expect(gateway.requests.length).toBeGreaterThan(0);
    expect(gateway.requests[0].authorization).toBe('Bearer sk-gateway-test-key');
    const notices = turn.events.flatMap((event) => (event.type === 'notice' ? [event.message] : []));
    expect(notices).toContain("The agent uses the site's model gateway (127.0.0.1:" + new URL(gateway.baseUrl).port + ').');
    const [row] = await agentRows(setup.client, threadKey);
    expect(rowText(row)).toContain('answered by the gateway');
  });
});
