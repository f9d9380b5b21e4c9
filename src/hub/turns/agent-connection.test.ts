import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findAgentDefinition } from '../../agents/index.js';
import { AgentConnection } from './agent-connection.js';
import { AgentRequestError } from './agent-errors.js';
import { startAgentProcess, type AgentProcess } from './agent-process.js';

// The real demo agent: what it does not implement is a real JSON-RPC "method not found".
describe('AgentConnection with the real demo agent', () => {
  let agent: AgentProcess | undefined;
  let folder: string;
  afterEach(() => {
    agent?.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  async function connect(): Promise<AgentConnection> {
    folder = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-connection-'));
    const demo = findAgentDefinition('demo')!;
    const env = { ...process.env, ...demo.prepareEnvironment({ stateDir: folder }) };
    agent = await startAgentProcess(demo.resolveLaunch()!, { cwd: folder, env }, { onUpdate() {}, onPermission: async () => ({ outcome: { outcome: 'cancelled' } }) });
    return new AgentConnection(agent);
  }

  it('reads the capabilities from initialize and opens sessions', async () => {
    const connection = await connect();
    expect(connection.supportsLoadSession()).toBe(true);
    expect(connection.supportsFork()).toBe(true);
    const session = await connection.newSession(folder);
    expect(session.sessionId).toEqual(expect.any(String));
    expect(connection.capabilitiesWith(session).modes.map((mode) => mode.id)).toContain('read-only');
  });

  it('an unimplemented method is a typed method-not-found error (by its JSON-RPC code)', async () => {
    const connection = await connect();
    const { sessionId } = await connection.newSession(folder);
    const error = await connection.setModel(sessionId, 'any').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentRequestError);
    expect(error).toMatchObject({ kind: 'method-not-found', method: 'session/set_model' });
  });

  it('a request to an agent that died is a typed agent-exited error with how it ended', async () => {
    const connection = await connect();
    agent!.kill();
    const error = await connection.newSession(folder).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'agent-exited', method: 'session/new', message: expect.stringMatching(/SIGKILL/) });
  });
});
