import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findProgram } from '../agents/index.js';
import { npmInstallArgs, parseAgentsInstallArgs, runAgentsInstall } from './cli-agents-install.js';

describe('codex-chat agents install', () => {
  it('installs the pinned packages into the state dir, or globally', () => {
    const request = parseAgentsInstallArgs(['install', 'claude', 'gemini', '--state-dir', 'state'], {}, '/home/u');
    expect(npmInstallArgs(request)).toEqual(['install', '--prefix', '/home/u/state/agent-packages', '--no-audit', '--no-fund', '@agentclientprotocol/claude-agent-acp@0.101.0', '@google/gemini-cli@0.61.0']);
    expect(npmInstallArgs(parseAgentsInstallArgs(['install', 'codex', '--global'], {}))).toEqual(['install', '--global', '--no-audit', '--no-fund', '@agentclientprotocol/codex-acp@2.6.0']);
    expect(parseAgentsInstallArgs(['install', 'gemini'], { XDG_STATE_HOME: '/xdg' }).stateDir).toBe('/xdg/codex-chat');
  });

  it('refuses bad input with exit code 2: unknown agent, the built-in demo, nothing named, unknown command', async () => {
    expect(() => parseAgentsInstallArgs(['install', 'nope'])).toThrow(/unknown agent "nope"/);
    expect(() => parseAgentsInstallArgs(['install', 'demo'])).toThrow(/built in/);
    expect(() => parseAgentsInstallArgs(['install'])).toThrow(/name the agent/);
    expect(() => parseAgentsInstallArgs(['remove', 'claude'])).toThrow(/unknown agents command/);
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      expect(await runAgentsInstall(['install', 'nope'])).toBe(2);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toMatch(/Usage: codex-chat agents install/);
  });

  it('an agent installed into the state dir is found there', () => {
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-install-'));
    try {
      const bin = path.join(stateDir, 'agent-packages', 'node_modules', '.bin');
      mkdirSync(bin, { recursive: true });
      writeFileSync(path.join(bin, 'fake-agent-for-test'), '#!/bin/sh\n');
      chmodSync(path.join(bin, 'fake-agent-for-test'), 0o755);
      expect(findProgram('fake-agent-for-test', stateDir)).toBe(path.join(bin, 'fake-agent-for-test'));
      expect(findProgram('fake-agent-for-test')).toBeUndefined();
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
