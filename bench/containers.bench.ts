// Project containers vs host launch, side by side in one run (`npm run bench -- containers`): a
// thread's first turn (the container's start-up included: the first turn of the project), a warm
// turn on the live agent, and JSON-RPC round trips through the agent's stdio (podman exec relaying).
// Demo agent; needs podman (CONTAINERS_CONF: src/hub/containers/testing/containers.conf).
import { realpathSync } from 'node:fs';
import { findAgentDefinition } from '../src/agents/index.js';
import { makeTempDirs } from '../src/hub/hub-test-helpers.js';
import { createContainerLauncher, liteProjectId } from '../src/hub/containers/index.js';
import { prepareTestRootfs, startContainerHub, testContainerSettings, usePodmanConf } from '../src/hub/containers/testing/container-hub.js';
import { startAgentProcess, type AgentProcess } from '../src/hub/turns/agent-process.js';
import { createThread, sendText, startTurnHub, watchTurn } from '../src/hub/turns/testing/turn-test-helpers.js';
import { median } from './support/statistics.js';

const WARM_TURNS = 5;
const ROUND_TRIPS = 300;
const NO_HANDLERS = { onUpdate() {}, onPermission: async () => ({ outcome: { outcome: 'cancelled' as const } }) };

type TurnHub = Awaited<ReturnType<typeof startTurnHub>>;

async function timeTurn(setup: TurnHub, threadKey: string, text: string): Promise<number> {
  const started = performance.now();
  const turn = watchTurn(setup.client, (await sendText(setup.client, threadKey, text)).turnId);
  const state = await turn.done(120_000);
  turn.stop();
  if (state !== 'completed') throw new Error(`bench turn ended ${state}`);
  return performance.now() - started;
}

async function turns(setup: TurnHub): Promise<{ first: number; warm: number }> {
  const threadKey = await createThread(setup.client, { agent: 'demo', sessionMode: 'full-access' });
  const first = await timeTurn(setup, threadKey, 'quick first');
  const warm: number[] = [];
  for (let index = 0; index < WARM_TURNS; index += 1) warm.push(await timeTurn(setup, threadKey, `quick ${index}`));
  return { first, warm: median(warm) };
}

/** Sequential requests the agent answers at once (an unknown method: a JSON-RPC error back); ms each. */
async function roundTrip(agent: AgentProcess): Promise<number> {
  const ask = () => agent.connection.agent.request('codex-chat/bench-ping', {}).catch(() => undefined);
  for (let index = 0; index < 20; index += 1) await ask();
  const started = performance.now();
  for (let index = 0; index < ROUND_TRIPS; index += 1) await ask();
  return (performance.now() - started) / ROUND_TRIPS;
}

const ratio = (container: number, host: number) => `${(container / host).toFixed(1)}x host`;

export default async function containersBench(): Promise<void> {
  usePodmanConf();
  const prepared = prepareTestRootfs();
  const settings = testContainerSettings(prepared.rootfs);
  try {
    const host = await startTurnHub();
    const container = await startContainerHub(settings);
    try {
      const onHost = await turns(host);
      const inContainer = await turns(container);
      console.log(`containers first turn (start-up): host ${onHost.first.toFixed(0)} ms, container ${inContainer.first.toFixed(0)} ms (${ratio(inContainer.first, onHost.first)})`);
      console.log(`containers warm turn (median of ${WARM_TURNS}): host ${onHost.warm.toFixed(1)} ms, container ${inContainer.warm.toFixed(1)} ms (${ratio(inContainer.warm, onHost.warm)})`);
    } finally {
      await container.close();
      await host.close();
    }
    const demo = findAgentDefinition('demo')!;
    const dirs = await makeTempDirs();
    const root = realpathSync(dirs.root);
    const launcher = createContainerLauncher({ projectId: liteProjectId(root), root, stateDir: dirs.stateDir, settings });
    const env = { ...process.env, ...demo.prepareEnvironment({ stateDir: dirs.stateDir }) };
    const hostAgent = await startAgentProcess(demo.resolveLaunch()!, { cwd: root, env }, NO_HANDLERS);
    const containerAgent = await launcher.start(demo.resolveLaunch()!, { cwd: root, env, agentId: 'demo', mode: 'read-only' }, NO_HANDLERS);
    try {
      const [onHost, inContainer] = [await roundTrip(hostAgent), await roundTrip(containerAgent)];
      console.log(`containers JSON-RPC round trip (${ROUND_TRIPS} sequential): host ${(onHost * 1000).toFixed(0)} µs, container ${(inContainer * 1000).toFixed(0)} µs (${ratio(inContainer, onHost)})`);
    } finally {
      hostAgent.kill();
      containerAgent.kill();
      await launcher.shutdown();
      await dirs.remove();
    }
  } finally {
    prepared.remove();
  }
}
