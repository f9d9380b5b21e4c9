// Process lifetime with the real Codex (codex-acp on the scripted model): codex runs each command in
// its own session, and its cancel leaves a running `sleep 60` alone; checked in /proc, the hub ends
// it. (When the app-server dies, codex's commands die with it by themselves: no test needed here.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedCodexConfig, startScriptedResponsesServer, type ScriptedResponsesServer } from '../../agents/testing/scripted-responses-server.js';
import { sleepsUnder, stillRunning, type ProcessEntry } from './testing/process-table.js';
import { createThread, sendText, startTurnHub, updatesOf, waitFor, watchTurn, type TurnHub } from './testing/turn-test-helpers.js';

describe('a Codex turn\'s commands end with the turn (codex-acp, /proc)', () => {
  let server: ScriptedResponsesServer;
  let setup: TurnHub;
  let envHome: string;

  beforeAll(async () => {
    server = await startScriptedResponsesServer((request) => (request.afterToolOutput ? [{ type: 'message', text: 'done' }] : [{ type: 'exec', cmd: 'sleep 60', timeoutMs: 120_000 }]));
    envHome = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-codex-home-'));
    mkdirSync(path.join(envHome, '.codex'));
    writeFileSync(path.join(envHome, '.codex', 'config.toml'), scriptedCodexConfig(server.baseUrl));
    setup = await startTurnHub();
    await setup.client.call('agents.authenticate', { agent: 'codex', methodId: 'api-key', apiKey: 'sk-test-not-a-real-key' });
  });
  afterAll(async () => {
    await setup?.close();
    await server?.close();
    rmSync(envHome, { recursive: true, force: true });
  });

  /** Starts a turn that runs `sleep 60` (the hub runs in this process, so the agent is our child). */
  async function startSleep(): Promise<{ turnId: string; turn: ReturnType<typeof watchTurn>; sleeps: ProcessEntry[] }> {
    const threadKey = await createThread(setup.client, { agent: 'codex', envHome, sessionMode: 'full-access' });
    const before = new Set(sleepsUnder(process.pid).map((entry) => entry.pid));
    const { turnId } = await sendText(setup.client, threadKey, 'sleep please');
    const turn = watchTurn(setup.client, turnId);
    await turn.waitFor('the command to start', (events) => updatesOf(events, 'tool_call').length > 0, 120_000);
    const sleeps = await waitFor('sleep 60 in the process table', () => {
      const fresh = sleepsUnder(process.pid).filter((entry) => !before.has(entry.pid));
      return fresh.length > 0 ? fresh : undefined;
    });
    return { turnId, turn, sleeps };
  }

  it('after an interrupt, the command the turn started no longer runs once the turn has ended', async () => {
    const { turnId, turn, sleeps } = await startSleep();
    await setup.client.call('turn.interrupt', { turnId });
    expect(await turn.done(60_000)).toBe('cancelled');
    await waitFor('the interrupted sleep to end', () => stillRunning(sleeps).length === 0, 5_000);
  }, 180_000);
});
