// The hub advertises ACP URL elicitation and gateway auth in `initialize`; the real agents then
// offer their account sign-ins: codex-acp `chat-gpt-device-code` and `gateway`, the demo its stand-in.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findAgentDefinition } from '../../agents/index.js';
import { CLIENT_CAPABILITIES } from './acp-connection.js';
import { AgentConnection } from './agent-connection.js';
import { startAgentProcess, type AgentProcess } from './agent-process.js';

describe('URL elicitation in initialize', () => {
  let agent: AgentProcess | undefined;
  let folder: string | undefined;
  afterEach(() => {
    agent?.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  async function initialize(agentId: string): Promise<AgentConnection> {
    folder = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-elicitation-'));
    const definition = findAgentDefinition(agentId)!;
    mkdirSync(path.join(folder, '.codex'));
    const launch = definition.resolveLaunch(folder);
    if (!launch) throw new Error(`${agentId} is not installed here`);
    // HOME and CODEX_HOME in the temp folder: no login of this machine's user is read.
    const env = { ...process.env, HOME: folder, ...definition.prepareEnvironment({ stateDir: folder, envHome: folder }) };
    agent = await startAgentProcess(launch, { cwd: folder, env }, { onUpdate() {}, onPermission: async () => ({ outcome: { outcome: 'cancelled' } }) });
    return new AgentConnection(agent);
  }

  it('advertises elicitation.url and gateway auth', () => {
    expect(CLIENT_CAPABILITIES).toMatchObject({ elicitation: { url: {} }, auth: { _meta: { gateway: true } } });
  });

  it('the real codex-acp then lists chat-gpt-device-code and gateway among its auth methods', async () => {
    const connection = await initialize('codex');
    expect(connection.capabilities.authMethods.map((method) => method.id)).toEqual(['api-key', 'chat-gpt', 'chat-gpt-device-code', 'gateway']);
    expect(connection.capabilities.authMethods.find((method) => method.id === 'chat-gpt-device-code')?.name).toBe('ChatGPT (device code)');
  });

  it('the demo agent then offers its device-code stand-in', async () => {
    const connection = await initialize('demo');
    expect(connection.capabilities.authMethods.map((method) => method.id)).toEqual(['demo-device-code']);
  });
});
