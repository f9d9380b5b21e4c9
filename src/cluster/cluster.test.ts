// Issue 14: a whole cluster, every part a separate real process on 127.0.0.1 (Postgres, nats-server,
// `codex-chat front`, `codex-chat project-host` h1 and h2 with the demo agent). Ann's project A is
// on h1, Bo's project B on h2. One cluster for the file; the scenarios run in order and build on
// each other: turns on both hosts at once, isolation, h1 killed mid-turn and restarted,
// nats-server restarted, the front killed and restarted, A moved to h2.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeApiToProject, type AcpApi } from '../acp-api/index.js';
import { waitFor as waitForValue } from '../hub/hub-test-helpers.js';
import type { AcpApiNotifications, TurnEvent } from '../protocol/index.js';
import { agentText, finalState, sendText, startThread, watchTurn } from './testing/cluster-turns.js';
import { startCluster, type ClusterMember, type ClusterProject, type RunningCluster } from './testing/start-cluster.js';

const CHAT = 'cluster.chat';
const NOTIFICATIONS = ['chat.change', 'turn.event', 'queue.change', 'settings.change', 'agents.change', 'elicitation.request', 'elicitation.done', 'project.host'] as const;
const SLOW = 60_000;

type Heard = { method: string; params: Record<string, unknown> };

let clusterOutput = () => '';
/** waitFor, and on a timeout what the cluster's processes printed (the last of it). */
async function waitFor<T>(what: string, check: () => T | Promise<T>, deadlineMs?: number, seen?: () => unknown): Promise<NonNullable<T>> {
  try {
    return await waitForValue(what, check, deadlineMs);
  } catch (error) {
    throw new Error(`${(error as Error).message} (seen: ${JSON.stringify(seen?.())})\n${clusterOutput().slice(-6_000)}`);
  }
}

/** Every notification a client hears, in order. */
function hearAll(client: AcpApi): Heard[] {
  const heard: Heard[] = [];
  for (const method of NOTIFICATIONS) client.on(method, (params) => heard.push({ method, params: params as Record<string, unknown> }));
  return heard;
}

function hostNotices(heard: Heard[]): Array<AcpApiNotifications['project.host']> {
  return heard.filter((notice) => notice.method === 'project.host').map((notice) => notice.params as AcpApiNotifications['project.host']);
}

/** Runs a demo turn to its end on a fresh subscription; its events. */
async function runTurn(api: AcpApi, threadKey: string, text: string): Promise<{ turnId: string; events: TurnEvent[] }> {
  const { turnId } = await sendText(api, CHAT, threadKey, text);
  const watch = watchTurn(api, turnId);
  await waitFor(`turn "${text}" to end`, () => finalState(watch.events), SLOW, () => watch.events.map((event) => event.type));
  watch.stop();
  return { turnId, events: watch.events };
}

/** The process ids from `pid` up to init. */
function ancestorsOf(pid: number): number[] {
  const chain: number[] = [];
  for (let current = pid; current > 1 && chain.length < 20; ) {
    chain.push(current);
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${current}/stat`, 'utf8');
    current = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  return chain;
}

describe('a cluster: front hub, two project hosts, nats-server and Postgres as separate processes', () => {
  let cluster: RunningCluster;
  let ann: ClusterMember, bo: ClusterMember;
  let projectA: ClusterProject, projectB: ClusterProject;
  let annRaw: AcpApi, boRaw: AcpApi, annA: AcpApi, boB: AcpApi;
  let annHeard: Heard[], boHeard: Heard[];
  let threadA: string, threadB: string;
  const turnsOfA: Array<{ turnId: string; events: TurnEvent[] }> = [];

  beforeAll(async () => {
    cluster = await startCluster({ hosts: ['h1', 'h2'] });
    clusterOutput = cluster.output;
    [ann, bo] = await Promise.all([cluster.addMember('ann@example.com', 'Ann'), cluster.addMember('bo@example.com', 'Bo')]);
    projectA = await cluster.addProject('Alpha', ann);
    projectB = await cluster.addProject('Beta', bo);
    annRaw = cluster.connect(ann);
    boRaw = cluster.connect(bo);
    annHeard = hearAll(annRaw);
    boHeard = hearAll(boRaw);
    annA = scopeApiToProject(annRaw, projectA.id);
    boB = scopeApiToProject(boRaw, projectB.id);
  }, 300_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 120_000);

  it('places the two new projects on different hosts (fewest projects first); hosts list shows both up', async () => {
    expect(projectA.placedOn).toMatch(/^h[12]$/);
    expect(projectB.placedOn).toBe(projectA.placedOn === 'h1' ? 'h2' : 'h1');
    const listed = await cluster.admin(['hosts', 'list']);
    for (const host of ['h1', 'h2']) expect(listed.split('\n').find((line) => line.startsWith(`${host} `))).toMatch(/\bup\b.*\s1$/);
    // The scenarios below want A on h1 and B on h2.
    if (projectA.placedOn !== 'h1') {
      await cluster.moveProject(projectA.id, 'h1');
      await cluster.moveProject(projectB.id, 'h2');
    }
    const projects = await waitFor('A listed on h1', async () => {
      const listed = (await annRaw.call('projects.list', {})).projects;
      return listed[0]?.host?.id === 'h1' ? listed : undefined;
    });
    expect(projects).toEqual([expect.objectContaining({ id: projectA.id, role: 'owner', host: { id: 'h1', available: true } })]);
  });

  it('runs turns on both hosts at once through the one front; each turn log is in its project folder', async () => {
    await annA.call('chat.create', { path: CHAT });
    await boB.call('chat.create', { path: CHAT });
    await Promise.all([annA.call('chat.open', { path: CHAT }), boB.call('chat.open', { path: CHAT })]);
    [threadA, threadB] = await Promise.all([startThread(annA, CHAT), startThread(boB, CHAT)]);
    const [a, b] = await Promise.all([runTurn(annA, threadA, 'messages'), runTurn(boB, threadB, 'messages')]);
    turnsOfA.push(a);
    for (const turn of [a, b]) {
      expect(finalState(turn.events)).toBe('completed');
      expect(agentText(turn.events)).toBe('First message.Second message.Third message.');
      expect(turn.events.map((event) => event.seq)).toEqual(turn.events.map((_, index) => index));
    }
    // The host's turn log, written (buffered) into the project folder it holds.
    for (const [project, turn] of [[projectA, a], [projectB, b]] as const) {
      const log = `${project.folder}/.codex-chat/state/logs/${turn.turnId}.jsonl`;
      await waitFor(`the turn log ${log}`, () => existsSync(log) && readFileSync(log, 'utf8').includes('Third message.'));
    }
  }, 180_000);

  it("keeps Ann out of Bo's project: nothing of B reaches her, her calls into B are refused -32001", async () => {
    const { turnId } = await runTurn(boB, threadB, 'hello');
    const intoB = { project: projectB.id };
    const forbidden = { code: -32001, message: expect.stringContaining(`not a member of project ${projectB.id}`) };
    await expect(annRaw.call('chat.list', intoB as never)).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('chat.open', { ...intoB, path: CHAT })).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('turn.send', { ...intoB, path: CHAT, threadKey: threadB, prompt: [{ type: 'text', text: 'hi' }], userDate: new Date().toISOString() })).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('turn.subscribe', { ...intoB, turnId, fromSeq: 0 })).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('turn.interrupt', { ...intoB, turnId })).rejects.toMatchObject(forbidden);
    await annA.call('chat.list', {}); // a round trip after B's last change
    expect(annHeard.filter((notice) => notice.params.project === projectB.id)).toEqual([]);
    expect(boHeard.some((notice) => notice.params.project === projectB.id)).toBe(true);
  }, 120_000);

  it('h1 killed mid-turn: Ann hears it is unavailable, sends fail at once; restarted: the turn is marked interrupted, the rest replays, the queued turn goes on', async () => {
    const slow = await sendText(annA, CHAT, threadA, 'slow');
    // The page's way: a subscription on the project's api, which resubscribes from its next seq when the host is back.
    const live = watchTurn(annA, slow.turnId);
    await waitFor('the slow command to start', () => live.events.some((event) => event.type === 'update' && (event.update as { sessionUpdate?: string }).sessionUpdate === 'tool_call'), SLOW);
    const queued = await sendText(annA, CHAT, threadA, 'messages');
    expect(queued.position).toBeGreaterThan(0);
    const heardBefore = hostNotices(annHeard).length;

    await cluster.hosts.h1.kill();
    const down = await waitFor('project.host unavailable at Ann', () => hostNotices(annHeard).slice(heardBefore).find((notice) => !notice.host.available), 20_000);
    expect(down).toEqual({ project: projectA.id, host: expect.objectContaining({ id: 'h1', available: false, reason: 'project host h1 unavailable' }) });
    await expect(sendText(annA, CHAT, threadA, 'hello')).rejects.toMatchObject({ code: -32007, message: expect.stringContaining('project host h1 unavailable') });
    // h2 goes on meanwhile.
    expect(finalState((await runTurn(boB, threadB, 'hello')).events)).toBe('completed');
    const lastSeq = live.events.at(-1)!.seq;

    await cluster.hosts.h1.start();
    await waitFor('project.host available again at Ann', () => hostNotices(annHeard).slice(heardBefore).find((notice) => notice.host.available), SLOW);
    // A subscription made by hand from the last seq seen gets the rest: the start-up recovery marked the turn interrupted.
    const rest: TurnEvent[] = [];
    const stopRest = annRaw.subscribeTurn(slow.turnId, lastSeq + 1, (event) => rest.push(event), { project: projectA.id });
    await waitFor('the rest of the slow turn', () => finalState(rest), SLOW, () => ({ lastSeq, rest }));
    expect(finalState(rest)).toBe('interrupted');
    expect(rest.map((event) => event.seq)).toEqual(rest.map((_, index) => lastSeq + 1 + index));
    await waitFor('the live subscription to resume to the end', () => finalState(live.events), SLOW, () => live.events.map((event) => `${event.seq} ${event.type}`));
    expect(live.events.map((event) => event.seq)).toEqual(live.events.map((_, index) => index));
    expect(live.events.slice(lastSeq + 1)).toEqual(rest);
    // The turn queued behind the slow one when h1 died goes on after the restart (its prompt was saved beside its log).
    const queuedEvents = watchTurn(annA, queued.turnId);
    await waitFor('the queued turn to end', () => finalState(queuedEvents.events), SLOW, () => queuedEvents.events);
    expect(finalState(queuedEvents.events)).toBe('completed');
    expect(agentText(queuedEvents.events)).toBe('First message.Second message.Third message.');
    queuedEvents.stop();
    const after = await runTurn(annA, threadA, 'hello');
    expect(finalState(after.events)).toBe('completed');
    turnsOfA.push({ turnId: slow.turnId, events: live.events }, after);
    stopRest();
    live.stop();
  }, 300_000);

  it('nats-server restarted: both sides reconnect, each member hears its host available again, turns run on both hosts after', async () => {
    const [annBefore, boBefore] = [hostNotices(annHeard).length, hostNotices(boHeard).length];
    await cluster.nats.restart();
    // Notifications may have been lost while NATS was down: the front says "available" again so pages resync.
    await waitFor('A available at Ann', () => hostNotices(annHeard).slice(annBefore).find((notice) => notice.host.available), SLOW);
    await waitFor('B available at Bo', () => hostNotices(boHeard).slice(boBefore).find((notice) => notice.host.available), SLOW);
    const [a, b] = await Promise.all([runTurn(annA, threadA, 'messages'), runTurn(boB, threadB, 'messages')]);
    expect(finalState(a.events)).toBe('completed');
    expect(finalState(b.events)).toBe('completed');
    turnsOfA.push(a);
    // Each member heard only of the own project's host, all along.
    expect(hostNotices(annHeard).every((notice) => notice.project === projectA.id && notice.host.id === 'h1')).toBe(true);
    expect(hostNotices(boHeard).every((notice) => notice.project === projectB.id && notice.host.id === 'h2')).toBe(true);
  }, 240_000);

  it('the front killed -9 mid-turn and started again: the client reconnects, its turn resumes from the last seq, nothing missed or doubled', async () => {
    const slow = await sendText(annA, CHAT, threadA, 'slow');
    const live = watchTurn(annA, slow.turnId);
    await waitFor('the slow command to start', () => live.events.some((event) => event.type === 'update' && (event.update as { sessionUpdate?: string }).sessionUpdate === 'tool_call'), SLOW);
    const states: string[] = [];
    const stopStates = annRaw.onConnectionChange((state) => states.push(state.type));
    await cluster.restartFront();
    await waitFor('the client connected again', () => states.includes('reconnecting') && states.at(-1) === 'open', SLOW, () => states);
    stopStates();
    // Through the new front: the interrupt reaches h1, whose events reach the resumed subscription.
    await waitFor('the interrupt through the new front', () => annA.call('turn.interrupt', { turnId: slow.turnId }).then(() => true, () => false), SLOW);
    await waitFor('the slow turn to end', () => finalState(live.events), SLOW, () => live.events.map((event) => `${event.seq} ${event.type}`));
    expect(finalState(live.events)).toBe('cancelled');
    expect(live.events.map((event) => event.seq)).toEqual(live.events.map((_, index) => index));
    live.stop();
    turnsOfA.push({ turnId: slow.turnId, events: live.events });
  }, 180_000);

  it('projects move A --host h2: the next turn runs on h2 and the turns run on h1 still replay', async () => {
    expect(await cluster.moveProject(projectA.id, 'h2')).toContain('h2');
    await waitFor('A listed on h2', async () => (await annRaw.call('projects.list', {})).projects.find((project) => project.host?.id === 'h2'), 20_000);
    const { events } = await runTurn(annA, threadA, 'pid');
    expect(finalState(events)).toBe('completed');
    const agentPid = Number(/My process id is (\d+)/.exec(agentText(events))?.[1]);
    expect(ancestorsOf(agentPid)).toContain(cluster.hosts.h2.process()!.pid);
    expect(ancestorsOf(agentPid)).not.toContain(cluster.hosts.h1.process()!.pid);
    for (const turn of turnsOfA) {
      const replay = watchTurn(annA, turn.turnId);
      await waitFor(`the replay of ${turn.turnId}`, () => finalState(replay.events));
      replay.stop();
      expect(replay.events).toEqual(turn.events);
    }
  }, 180_000);
});
