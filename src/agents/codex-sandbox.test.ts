// Codex's sandbox with bubblewrap installed (Debian `bubblewrap`, /usr/bin/bwrap) and a throwaway
// CODEX_HOME under /tmp, where codex will not link its own `codex-linux-sandbox` alias: the real
// codex-acp on the scripted model runs `ls` read-only, writes inside the workspace in
// workspace-write, and is denied a write outside it. And the probe agents.list reports.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThread, sendText, startTurnHub, waitFor, watchTurn, type TurnHub } from '../hub/turns/testing/turn-test-helpers.js';
import { probeBwrap } from './codex-sandbox.js';
import { scriptedCodexConfig, startScriptedResponsesServer, type ScriptedResponsesServer } from './testing/scripted-responses-server.js';

// Outside the workspace and outside /tmp (which workspace-write may write).
const OUTSIDE = path.join('/var/tmp', `codex-chat-sandbox-test-${process.pid}.txt`);

describe('Codex sandboxed modes with bwrap installed (real codex-acp, scripted model)', () => {
  let server: ScriptedResponsesServer;
  let setup: TurnHub;
  let envHome: string;

  beforeAll(async () => {
    server = await startScriptedResponsesServer((request) => {
      if (request.afterToolOutput) return [{ type: 'message', text: 'done' }];
      if (request.userText.includes('sandbox:ls')) return [{ type: 'exec', cmd: 'ls' }];
      if (request.userText.includes('sandbox:write')) return [{ type: 'exec', cmd: `echo inside > inside.txt; echo outside > ${OUTSIDE}` }];
      return [{ type: 'message', text: 'ok' }];
    });
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
    rmSync(OUTSIDE, { force: true });
  });

  /** Runs one prompt in a thread of `sessionMode`; returns the command's output as the model got it. */
  async function runCommand(prompt: string, sessionMode: 'read-only' | 'workspace-write'): Promise<string> {
    const threadKey = await createThread(setup.client, { agent: 'codex', envHome, sessionMode });
    const turn = watchTurn(setup.client, (await sendText(setup.client, threadKey, prompt)).turnId);
    expect(await turn.done(120_000)).toBe('completed');
    const outputs = server.requests.filter((request) => request.afterToolOutput).map((request) => JSON.stringify((request.body.input as unknown[]).at(-1)));
    return outputs.find((output) => output.includes(prompt === 'sandbox:ls' ? 'agents.chat' : 'inside') || output.includes('bwrap')) ?? outputs.join('\n');
  }

  it('read-only: `ls` runs in the sandbox and succeeds', async () => {
    const output = await runCommand('sandbox:ls', 'read-only');
    expect(output).not.toContain('bwrap');
    expect(output).toContain('Process exited with code 0');
    expect(output).toContain('agents.chat');
  });

  it('workspace-write: writing inside the workspace works, writing outside is a sandbox denial', async () => {
    const output = await runCommand('sandbox:write', 'workspace-write');
    expect(output).not.toContain('bwrap');
    expect(readFileSync(path.join(setup.dirs.root, 'inside.txt'), 'utf8')).toBe('inside\n');
    expect(existsSync(OUTSIDE)).toBe(false);
    expect(output).toContain('Read-only file system');
  });

  it('agents.list carries the probed sandbox fact for Codex: available here', async () => {
    const codex = async () => (await setup.client.call('agents.list', {})).agents.find((agent) => agent.id === 'codex');
    expect(await waitFor('the sandbox probe', async () => (await codex())?.sandbox)).toEqual({ available: true });
  });

  it('the probe reports a bwrap that cannot create namespaces, with its reason; one working bwrap is enough', async () => {
    // A bwrap that fails as it does without user namespaces (containers, hardened kernels).
    const fakeBin = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-fake-bwrap-'));
    const fake = { name: 'the system bwrap', file: path.join(fakeBin, 'bwrap') };
    writeFileSync(fake.file, '#!/bin/sh\necho "bwrap: No permissions to create new namespace, likely because the kernel does not allow non-privileged user namespaces." >&2\nexit 1\n', { mode: 0o755 });
    try {
      expect(await probeBwrap([fake])).toEqual({ available: false, reason: 'bubblewrap cannot create its namespaces here (the system bwrap: bwrap: No permissions to create new namespace, likely because the kernel does not allow non-privileged user namespaces.)' });
      expect(await probeBwrap([fake, { name: 'the real one', file: '/usr/bin/bwrap' }])).toEqual({ available: true });
      expect(await probeBwrap([])).toEqual({ available: false, reason: 'bubblewrap (bwrap) was not found' });
    } finally {
      rmSync(fakeBin, { recursive: true, force: true });
    }
  });
});
