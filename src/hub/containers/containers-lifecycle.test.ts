import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDirs, waitFor } from '../hub-test-helpers.js';
import type { TurnEvent } from '../../protocol/index.js';
import { createThread, sendText, watchTurn } from '../turns/testing/turn-test-helpers.js';
import { findAgentDefinition } from '../../agents/index.js';
import { containerOwner, createContainerLauncher, liteProjectId } from './container-launcher.js';
import { containersOf, mountsMentioning, prepareTestRootfs, startContainerHub, testContainerSettings, usePodmanConf } from './testing/container-hub.js';
import { runPodman } from './podman-cli.js';
import type { ContainerSettings } from './container-settings.js';

usePodmanConf();

const errorOf = (events: TurnEvent[]) => events.flatMap((event) => (event.type === 'error' ? [event.message] : [])).join('\n');

/** One demo turn in a new thread of a fresh container hub; its final state and error. */
async function demoTurn(settings: ContainerSettings, prompt = 'hello') {
  const setup = await startContainerHub(settings);
  try {
    const threadKey = await createThread(setup.client, { agent: 'demo', sessionMode: 'full-access' });
    const turn = watchTurn(setup.client, (await sendText(setup.client, threadKey, prompt)).turnId);
    return { state: await turn.done(60_000), error: errorOf(turn.events) };
  } finally {
    await setup.close();
  }
}

describe('project container lifecycle and errors (real podman, demo agent)', () => {
  const prepared = prepareTestRootfs();
  afterAll(() => prepared.remove());

  it('stops an idle container: no container and no mount are left', async () => {
    const setup = await startContainerHub(testContainerSettings(prepared.rootfs, { idleStopMs: 300 }), undefined, { agentLimits: { idleMs: 300 } });
    const owner = containerOwner(realpathSync(setup.dirs.stateDir));
    try {
      const threadKey = await createThread(setup.client, { agent: 'demo', sessionMode: 'read-only' });
      const turn = watchTurn(setup.client, (await sendText(setup.client, threadKey, 'hello')).turnId);
      expect(await turn.done(60_000)).toBe('completed');
      const [name] = await containersOf(owner);
      const id = (await runPodman('podman', ['inspect', '--format', '{{.Id}}', name])).stdout.trim();
      // The agent pool stops the idle agent; its container follows after its own idle time.
      await waitFor('the idle container to stop', async () => (await containersOf(owner)).length === 0);
      expect(setup.launcher.containers.names()).toEqual([]);
      expect(mountsMentioning(id)).toEqual([]);
    } finally {
      await setup.close();
    }
  });

  it('kills an agent that ignores the cancel inside its container; hub shutdown removes the container', async () => {
    const setup = await startContainerHub(testContainerSettings(prepared.rootfs));
    const owner = containerOwner(realpathSync(setup.dirs.stateDir));
    try {
      const threadKey = await createThread(setup.client, { agent: 'demo', sessionMode: 'full-access' });
      const { turnId } = await sendText(setup.client, threadKey, 'stubborn');
      const turn = watchTurn(setup.client, turnId);
      await turn.waitFor('the stubborn turn to run', (events) => events.some((event) => event.type === 'update'), 60_000);
      await setup.client.call('turn.interrupt', { turnId });
      expect(['cancelled', 'interrupted', 'failed']).toContain(await turn.done(30_000));
      expect(turn.events.some((event) => event.type === 'notice' && event.message.includes('its process was killed'))).toBe(true);
      const [name] = await containersOf(owner);
      const left = await runPodman('podman', ['exec', name, '/bin/sh', '-c', 'ps -e -o args= | grep -c "[d]emo/main.ts" || true']);
      expect(left.stdout.trim()).toBe('0');
    } finally {
      await setup.close();
    }
    expect(await containersOf(owner)).toEqual([]);
  });

  it("kills the agent's whole tree inside the container, also a child that ignores stdin", async () => {
    const dirs = await makeTempDirs();
    const root = realpathSync(dirs.root);
    const launcher = createContainerLauncher({ projectId: liteProjectId(root), root, stateDir: dirs.stateDir, settings: testContainerSettings(prepared.rootfs) });
    const demo = findAgentDefinition('demo')!.resolveLaunch()!;
    // The agent leaves a `sleep` behind that a killed podman exec client alone would not end.
    const launch = { command: '/bin/sh', args: ['-c', 'sleep 300 & exec "$0" "$@"', demo.command, ...demo.args] };
    const handlers = { onUpdate() {}, onPermission: async () => ({ outcome: { outcome: 'cancelled' as const } }) };
    try {
      const agent = await launcher.start(launch, { cwd: root, env: {}, agentId: 'demo', mode: 'read-only' }, handlers);
      const [name] = launcher.containers.names();
      const sleeps = async () => (await runPodman('podman', ['exec', name, '/bin/sh', '-c', 'ps -e -o args= | grep -c "^[s]leep 300" || true'])).stdout.trim();
      expect(await sleeps()).toBe('1');
      agent.kill();
      await agent.exited;
      await waitFor('the sleep to end', async () => (await sleeps()) === '0');
    } finally {
      await launcher.shutdown();
      await dirs.remove();
    }
  });

  it('hands an agent that reads its key from a variable the key from a 0600 tmpfs file, never through podman', async () => {
    const dirs = await makeTempDirs();
    const root = realpathSync(dirs.root);
    const launcher = createContainerLauncher({ projectId: liteProjectId(root), root, stateDir: dirs.stateDir, settings: testContainerSettings(prepared.rootfs) });
    const demo = findAgentDefinition('demo')!.resolveLaunch()!;
    // The agent starts only if its variable holds the key (compared by hash: the key itself must be on no command line).
    const digest = createHash('md5').update('sk-demo-key-42').digest('hex');
    const launch = { command: '/bin/sh', args: ['-c', `[ "$(printf %s "$DEMO_API_KEY" | md5sum | cut -c1-32)" = ${digest} ] || exit 9; exec "$0" "$@"`, demo.command, ...demo.args] };
    const handlers = { onUpdate() {}, onPermission: async () => ({ outcome: { outcome: 'cancelled' as const } }) };
    try {
      const agent = await launcher.start(launch, { cwd: root, env: { DEMO_API_KEY: 'sk-demo-key-42' }, agentId: 'demo', mode: 'read-only', apiKeyEnv: 'DEMO_API_KEY' }, handlers);
      const [name] = launcher.containers.names();
      const files = await runPodman('podman', ['exec', name, '/bin/sh', '-c', 'stat -c "%a %n" /run/codex-chat/key-*']);
      expect(files.stdout.trim()).toMatch(/^600 \/run\/codex-chat\/key-[0-9a-f]+$/);
      expect(agent.hasExited()).toBe(false);
      // No command line shows it, nor the environment of podman or conmon (the agent's own environment holds it: its variable).
      const processes = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((pid) => {
        try {
          return [{ cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8'), environ: readFileSync(`/proc/${pid}/environ`, 'utf8') }];
        } catch {
          return []; // ended meanwhile
        }
      });
      expect(processes.filter((entry) => entry.cmdline.includes('sk-demo-key-42'))).toEqual([]);
      const podmanSide = processes.filter((entry) => /^(\S*\/)?(podman|conmon)\0/.test(entry.cmdline));
      expect(podmanSide.length).toBeGreaterThan(0);
      expect(podmanSide.filter((entry) => entry.environ.includes('sk-demo-key-42'))).toEqual([]);
      agent.kill();
      await agent.exited;
    } finally {
      await launcher.shutdown();
      await dirs.remove();
    }
  });

  it('reaps at start the containers a crashed hub left', async () => {
    const dirs = await makeTempDirs();
    const crashed = await startContainerHub(testContainerSettings(prepared.rootfs), dirs);
    const owner = containerOwner(realpathSync(dirs.stateDir));
    const threadKey = await createThread(crashed.client, { agent: 'demo', sessionMode: 'full-access' });
    expect(await watchTurn(crashed.client, (await sendText(crashed.client, threadKey, 'hello')).turnId).done(60_000)).toBe('completed');
    const [left] = await containersOf(owner);
    const id = (await runPodman('podman', ['inspect', '--format', '{{.Id}}', left])).stdout.trim();
    // A crash: the hub goes without its shutdown (its agent is killed, its container stays).
    crashed.client.close();
    await runPodman('podman', ['exec', left, '/bin/sh', '-c', 'kill -9 $(cat /run/codex-chat/agent-*.pid)']);
    expect(await containersOf(owner)).toEqual([left]);
    const restarted = await startContainerHub(testContainerSettings(prepared.rootfs), dirs);
    try {
      await waitFor('the left container to be reaped', async () => (await containersOf(owner)).length === 0);
      expect(mountsMentioning(id)).toEqual([]);
    } finally {
      await restarted.close();
      await crashed.hub.close().catch(() => {});
      await dirs.remove();
    }
  });

  it('says so when podman is missing', async () => {
    const { state, error } = await demoTurn(testContainerSettings(prepared.rootfs, { podman: '/nonexistent/podman' }));
    expect(state).toBe('failed');
    expect(error).toContain('podman was not found: install it');
  });

  it('says so when the container cannot start (its root is missing)', async () => {
    const { state, error } = await demoTurn(testContainerSettings('/nonexistent/codex-chat-rootfs'));
    expect(state).toBe('failed');
    expect(error).toMatch(/could not start|refused a mount/);
    expect(error).toContain('--rootfs');
  });

  it('says so when the agent runs out of memory', async () => {
    const { state, error } = await demoTurn(testContainerSettings(prepared.rootfs, { memory: '24m' }));
    expect(state).toBe('failed');
    expect(error).toContain('ran out of memory (limit 24m)');
  });

  it('says so when the container reaches its process limit', async () => {
    const { state, error } = await demoTurn(testContainerSettings(prepared.rootfs, { pids: 4 }));
    expect(state).toBe('failed');
    expect(error).toContain('reached its process limit (4 processes)');
  });
});
