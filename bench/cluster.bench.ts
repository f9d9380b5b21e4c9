// A cluster (front + nats-server + project hosts, separate processes, Postgres) vs the all-in-one
// multiuser hub (one process, Postgres), side by side in one run, the demo agent on both:
// - a turn event reaching a member's client: the demo agent's `burst` stamps each of its 200
//   message chunks with its send time; the client takes its receive time (same machine, same clock);
//   only chunks sent after the client's subscription is live count.
//   Cluster path: agent -> host -> NATS -> front -> WebSocket; all-in-one: agent -> hub -> WebSocket.
// - turns per second: many short (`quick`) turns queued at once in several projects, spread over
//   two hosts vs all on one (the same cluster; `projects move` between the runs).
import { scopeApiToProject, type AcpApi } from '../src/acp-api/index.js';
import { waitFor } from '../src/hub/hub-test-helpers.js';
import type { TurnEvent } from '../src/protocol/index.js';
import { finalState, sendText, startThread, watchTurn } from '../src/cluster/testing/cluster-turns.js';
import { startCluster } from '../src/cluster/testing/start-cluster.js';
import { startAllInOneHub } from './support/all-in-one-hub.js';
import { median, percentile } from './support/statistics.js';

const CHAT = 'bench.chat';
const BURSTS = 5;
const PROJECTS = 6;
const TURNS_PER_PROJECT = 8;
const TURN_DEADLINE_MS = 120_000;

const now = () => performance.timeOrigin + performance.now();

function sentAtOf(event: TurnEvent): number | undefined {
  return event.type === 'update' ? (event.update as { _meta?: { sentAt?: number } })._meta?.sentAt : undefined;
}

async function runToEnd(api: AcpApi, turnId: string): Promise<void> {
  const watch = watchTurn(api, turnId);
  await waitFor(`turn ${turnId} to end`, () => finalState(watch.events), TURN_DEADLINE_MS);
  watch.stop();
}

/** A chat with a demo thread in each project, its agent started by one turn; the threads. */
async function prepare(apis: AcpApi[]): Promise<string[]> {
  return Promise.all(
    apis.map(async (api) => {
      await api.call('chat.create', { path: CHAT });
      await api.call('chat.open', { path: CHAT });
      const thread = await startThread(api, CHAT);
      await runToEnd(api, (await sendText(api, CHAT, thread, 'quick warm up')).turnId);
      return thread;
    }),
  );
}

async function eventLatencies(api: AcpApi, thread: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let round = 0; round < BURSTS; round += 1) {
    const { turnId } = await sendText(api, CHAT, thread, 'burst');
    // The subscription is made after turn.send: chunks sent before its first event arrived were
    // replayed from the log, not relayed live, and are not counted.
    let liveFrom: number | undefined;
    const events: TurnEvent[] = [];
    const stop = api.subscribeTurn(turnId, 0, (event) => {
      const arrived = now();
      liveFrom ??= arrived;
      events.push(event);
      const sentAt = sentAtOf(event);
      if (sentAt !== undefined && sentAt >= liveFrom) latencies.push(arrived - sentAt);
    });
    await waitFor('the burst to end', () => finalState(events), TURN_DEADLINE_MS);
    stop();
  }
  return latencies;
}

/** Queues TURNS_PER_PROJECT quick turns in every project at once; turns per second until all ended. */
async function turnsPerSecond(apis: AcpApi[], threads: string[]): Promise<number> {
  const started = now();
  await Promise.all(
    apis.map(async (api, index) => {
      const sent: string[] = [];
      for (let turn = 0; turn < TURNS_PER_PROJECT; turn += 1) sent.push((await sendText(api, CHAT, threads[index], `quick ${turn}`)).turnId);
      for (const turnId of sent) await runToEnd(api, turnId);
    }),
  );
  return (apis.length * TURNS_PER_PROJECT) / ((now() - started) / 1000);
}

async function allInOneLatencies(): Promise<number[]> {
  const hub = await startAllInOneHub(1);
  try {
    const api = scopeApiToProject(hub.client, hub.projects[0]);
    const [thread] = await prepare([api]);
    return await eventLatencies(api, thread);
  } finally {
    await hub.stop();
  }
}

/** Waits until the front lists `count` of the member's projects on `host`. */
async function listedOn(client: AcpApi, host: string, count: number): Promise<void> {
  await waitFor(`${count} projects on ${host} at the front`, async () => (await client.call('projects.list', {})).projects.filter((project) => project.host?.id === host).length === count, 30_000);
}

async function clusterRuns(): Promise<{ latencies: number[]; oneHost: number; twoHosts: number }> {
  const cluster = await startCluster({ hosts: ['h1', 'h2'] });
  try {
    const ann = await cluster.addMember('ann@example.com', 'Ann');
    const projects = [];
    // Placed on the host with the fewest projects: every other one on h2.
    for (let index = 0; index < PROJECTS; index += 1) projects.push(await cluster.addProject(`P${index}`, ann));
    const client = cluster.connect(ann);
    const apis = projects.map((project) => scopeApiToProject(client, project.id));
    await listedOn(client, 'h2', projects.filter((project) => project.placedOn === 'h2').length);
    const threads = await prepare(apis);
    const latencies = await eventLatencies(apis[0], threads[0]);
    const twoHosts = await turnsPerSecond(apis, threads);
    // All on h1; the moved ones start their agent there before the measured run.
    for (const project of projects.filter((candidate) => candidate.placedOn !== 'h1')) await cluster.moveProject(project.id, 'h1');
    await listedOn(client, 'h1', PROJECTS);
    await Promise.all(apis.map(async (api, index) => runToEnd(api, (await sendText(api, CHAT, threads[index], 'quick warm up')).turnId)));
    const oneHost = await turnsPerSecond(apis, threads);
    return { latencies, oneHost, twoHosts };
  } catch (error) {
    console.error(cluster.output());
    throw error;
  } finally {
    await cluster.stop();
  }
}

export default async function clusterBench(): Promise<void> {
  const allInOne = await allInOneLatencies();
  const cluster = await clusterRuns();
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const [cm, cp, am, ap] = [median(cluster.latencies), percentile(cluster.latencies, 0.99), median(allInOne), percentile(allInOne, 0.99)];
  console.log(`turn event (demo agent's chunk) -> member's client, ${cluster.latencies.length} vs ${allInOne.length} chunks:`);
  console.log('  path                         median      p99');
  console.log(`  cluster (host+NATS+front)  ${ms(cm).padStart(9)}  ${ms(cp).padStart(9)}`);
  console.log(`  all-in-one multiuser hub   ${ms(am).padStart(9)}  ${ms(ap).padStart(9)}`);
  console.log(`  cluster / all-in-one       ${ratio(cm, am).padStart(9)}  ${ratio(cp, ap).padStart(9)}`);
  console.log(`turns per second (${PROJECTS} projects x ${TURNS_PER_PROJECT} quick turns queued at once, demo agent):`);
  console.log(`  1 host: ${cluster.oneHost.toFixed(1)} turns/s   2 hosts: ${cluster.twoHosts.toFixed(1)} turns/s   (${ratio(cluster.twoHosts, cluster.oneHost)}; every process shares this machine's cores)`);
}
