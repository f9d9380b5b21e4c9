import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AcpConfig } from '../../protocol/index.js';
import { createThread, sendText, updatesOf, watchTurn } from '../turns/testing/turn-test-helpers.js';
import { PROJECT_STATE_FOLDER } from './container-settings.js';
import { TEST_KEY } from './testing/codex-in-container.js';
import { usePodmanConf } from './testing/container-hub.js';
import { useTwoCodexProjects, type ContainerHub } from './testing/two-codex-projects.js';

usePodmanConf();


/** The terminal output of a turn's commands. */
function outputOf(events: Parameters<typeof updatesOf>[0]): string {
  return updatesOf(events, 'tool_call_update')
    .map((update) => (update._meta as { terminal_output?: { data: string } } | undefined)?.terminal_output?.data ?? '')
    .join('');
}

/** Runs `command` in a codex turn of a new thread and returns its output. */
async function runCommand(setup: ContainerHub, config: Partial<AcpConfig>, command: string) {
  const threadKey = await createThread(setup.client, { agent: 'codex', ...config });
  const { turnId } = await sendText(setup.client, threadKey, `run: ${command}`);
  const turn = watchTurn(setup.client, turnId);
  expect(await turn.done(120_000)).toBe('completed');
  return { output: outputOf(turn.events), turn, threadKey };
}

describe('the real codex-acp in project containers (real podman, scripted model)', () => {
  const codex = useTwoCodexProjects(({ projectA, projectB }) => {
    writeFileSync(path.join(projectB.dirs.root, 'secret-b.txt'), 'project B only\n');
    mkdirSync(path.join(projectA.dirs.root, 'sub'));
    // A cluster host's state of project A (its turn logs) inside the folder: hidden from A's agents.
    mkdirSync(path.join(projectA.dirs.root, PROJECT_STATE_FOLDER, 'logs'), { recursive: true });
    writeFileSync(path.join(projectA.dirs.root, PROJECT_STATE_FOLDER, 'logs', 'turn.jsonl'), '{"seq":0}\n');
  });

  // Each probe prints name=yes when the action worked, name=no when it was refused.
  function probes(): string {
    const otherProject = path.join(realpathSync(codex.projectB.dirs.root), 'secret-b.txt');
    const checks: Array<[string, string]> = [
      ['read-other-project', `cat ${otherProject}`],
      ['read-state-dir', `ls ${realpathSync(codex.projectA.dirs.stateDir)}`],
      ['read-project-state', `cat /project/${PROJECT_STATE_FOLDER}/logs/turn.jsonl`],
      ['see-host-home', `test -e ${os.homedir()}`],
      ['read-password-hashes', 'grep -q root /etc/shadow'],
      // /etc/ssh is masked (host keys): the host's ssh_config below it must not show through.
      ['read-etc-ssh', 'ls /etc/ssh | grep -q .'],
      ['write-project', 'echo x > /project/probe.txt'],
      ['write-sub', 'echo x > /project/sub/probe.txt'],
      ['write-etc', 'echo x > /etc/codex-chat-probe'],
      ['write-usr', 'echo x > /usr/codex-chat-probe'],
      ['write-root', 'echo x > /codex-chat-probe'],
    ];
    return checks.map(([name, command]) => `if ${command} >/dev/null 2>&1; then echo ${name}=yes; else echo ${name}=no; fi`).join('; ');
  }
  const results = (output: string) => Object.fromEntries([...output.matchAll(/([a-z-]+)=(yes|no)/g)].map((match) => [match[1], match[2]]));
  const cleanProbes = () => ['probe.txt', 'sub/probe.txt'].forEach((file) => rmSync(path.join(codex.projectA.dirs.root, file), { force: true }));

  it('full access: writes the project only; sees no other project, state dir or host home; the key reached the model', async () => {
    cleanProbes();
    const { output } = await runCommand(codex.projectA, { envHome: codex.envHome, sessionMode: 'full-access' }, probes());
    expect(results(output)).toEqual({
      'read-other-project': 'no', 'read-state-dir': 'no', 'read-project-state': 'no', 'see-host-home': 'no', 'read-password-hashes': 'no', 'read-etc-ssh': 'no',
      'write-project': 'yes', 'write-sub': 'yes', 'write-etc': 'no', 'write-usr': 'no', 'write-root': 'no',
    });
    expect(codex.server.requests.at(-1)?.authorization).toBe(`Bearer ${TEST_KEY}`);
  });

  it('workspace write in sub/: writes sub/ only', async () => {
    cleanProbes();
    const { output, turn } = await runCommand(codex.projectA, { envHome: codex.envHome, sessionMode: 'workspace-write', workingDirectory: 'sub' }, probes());
    expect(results(output)).toMatchObject({ 'write-project': 'no', 'write-sub': 'yes', 'write-etc': 'no', 'read-other-project': 'no', 'read-project-state': 'no' });
    expect(updatesOf(turn.events, 'tool_call')[0]).toMatchObject({ kind: 'execute', rawInput: { cwd: 'sub' } });
  });

  it('no mode set: workspace write, and codex runs commands (unsandboxed inside)', async () => {
    cleanProbes();
    const { output } = await runCommand(codex.projectA, { envHome: codex.envHome }, probes());
    expect(results(output)).toMatchObject({ 'write-project': 'yes', 'write-etc': 'no', 'read-other-project': 'no' });
  });

  it('read-only: writes nothing', async () => {
    cleanProbes();
    const { output } = await runCommand(codex.projectA, { envHome: codex.envHome, sessionMode: 'read-only' }, probes());
    expect(results(output)).toMatchObject({ 'write-project': 'no', 'write-sub': 'no', 'write-etc': 'no', 'write-root': 'no' });
  });
});
