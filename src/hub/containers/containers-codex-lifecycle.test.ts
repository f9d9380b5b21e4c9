import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TurnEvent } from '../../protocol/index.js';
import { createThread, sendText, updatesOf, watchTurn } from '../turns/testing/turn-test-helpers.js';
import { TEST_KEY } from './testing/codex-in-container.js';
import { usePodmanConf } from './testing/container-hub.js';
import { useTwoCodexProjects, type ContainerHub } from './testing/two-codex-projects.js';
import { runPodman } from './podman-cli.js';

usePodmanConf();


/** Every process's full command line and environment that this user may read, as text. */
function processTable(): Array<{ pid: string; cmdline: string; environ: string }> {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      return [{ pid, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8'), environ: readFileSync(`/proc/${pid}/environ`, 'utf8') }];
    } catch {
      return []; // ended meanwhile
    }
  });
}

const errorOf = (events: TurnEvent[]) => events.flatMap((event) => (event.type === 'error' ? [event.message] : [])).join('\n');

describe('codex-acp in project containers: keys, concurrency, kills (real podman, scripted model)', () => {
  const codex = useTwoCodexProjects();

  async function startTurn(project: ContainerHub, text: string, threadKey?: string) {
    const key = threadKey ?? (await createThread(project.client, { agent: 'codex', envHome: codex.envHome, sessionMode: 'full-access' }));
    const { turnId } = await sendText(project.client, key, text);
    return { threadKey: key, turnId, turn: watchTurn(project.client, turnId) };
  }
  const commandStarted = (events: TurnEvent[]) => updatesOf(events, 'tool_call').length > 0;

  it("runs two projects' turns at once, each in its container; no process on the host shows the key", async () => {
    const [a, b] = await Promise.all([startTurn(codex.projectA, 'run: sleep 3; echo done-a'), startTurn(codex.projectB, 'run: sleep 3; echo done-b')]);
    await Promise.all([a.turn.waitFor('A running', commandStarted, 120_000), b.turn.waitFor('B running', commandStarted, 120_000)]);
    const running = (await runPodman('podman', ['ps', '--format', '{{.Names}}'])).stdout;
    expect(running).toContain(`codex-chat-${codex.projectA.projectId}-full-access`);
    expect(running).toContain(`codex-chat-${codex.projectB.projectId}-full-access`);
    // While both agents run: every command line and every readable environment, podman's, conmon's and the agents'.
    const table = processTable();
    expect(table.some((entry) => entry.cmdline.includes('podman\0exec'))).toBe(true);
    expect(table.filter((entry) => entry.cmdline.includes(TEST_KEY) || entry.environ.includes(TEST_KEY)).map((entry) => entry.cmdline.split('\0').join(' '))).toEqual([]);
    expect(await Promise.all([a.turn.done(120_000), b.turn.done(120_000)])).toEqual(['completed', 'completed']);
  });

  it('an agent killed inside the container mid-turn: a clear error, and the next turn resumes its session', async () => {
    const first = await startTurn(codex.projectA, 'run: sleep 60');
    await first.turn.waitFor('the command to start', commandStarted, 120_000);
    const name = `codex-chat-${codex.projectA.projectId}-full-access`;
    // The codex-acp of this thread (the newest pid file), killed from inside as an OOM killer or a crash would.
    const killed = await runPodman('podman', ['exec', name, '/bin/sh', '-c', 'kill -9 $(cat $(ls -t /run/codex-chat/agent-*.pid | head -1))']);
    expect(killed.code).toBe(0);
    expect(await first.turn.done(60_000)).toBe('failed');
    expect(errorOf(first.turn.events)).toMatch(/agent process ended .*killed by SIGKILL|exited with code 137/);
    const next = await startTurn(codex.projectA, 'hello again', first.threadKey);
    expect(await next.turn.done(120_000)).toBe('completed');
    const notices = next.turn.events.flatMap((event) => (event.type === 'notice' ? [event.message] : []));
    expect(notices.join('\n')).not.toContain('could not be restored');
    expect(JSON.stringify(codex.server.requests.at(-1)?.body.input)).toContain('run: sleep 60');
  });

  it('interrupt ends a running command inside the container', async () => {
    const { turnId, turn } = await startTurn(codex.projectB, 'run: sleep 60');
    await turn.waitFor('the command to start', commandStarted, 120_000);
    await codex.projectB.client.call('turn.interrupt', { turnId });
    expect(await turn.done(60_000)).toBe('cancelled');
    const name = `codex-chat-${codex.projectB.projectId}-full-access`;
    const left = await runPodman('podman', ['exec', name, '/bin/sh', '-c', 'ps -e -o args= | grep -c "^sleep 60" || true']);
    expect(left.stdout.trim()).toBe('0');
  });
});
