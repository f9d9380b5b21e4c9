import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../hub/hub-test-helpers.js';
import { createTurnService } from '../../hub/turns/index.js';
import type { Row, TurnEvent } from '../../protocol/index.js';
import { addAccount, addMember, addProject, openDatabase, type Account, type Database, type Project } from '../../multiuser/db/index.js';
import { acquirePostgresServer, releasePostgresServer } from '../../multiuser/testing/test-databases.js';
import { deriveCallerSigningKey } from '../caller-signature.js';
import { readNatsCredentials } from '../nats-connection.js';
import { spawnCli } from '../testing/cli-process.js';
import { startNatsServer, type NatsServer } from '../testing/nats-server.js';
import { startProjectHost, type ProjectHost } from './project-host.js';
import { connectTestFront, type TestCaller, type TestFront } from './testing/test-front.js';

const CHAT = 'team.chat';
const FINAL = new Set(['completed', 'cancelled', 'failed', 'interrupted']);

function threadRow(ms: number): Row {
  const date = new Date(ms).toISOString();
  return { event: 'chat', date, sender_id: 'someone', history: [{ author_id: 'someone', content: 'agent thread', date }], acp_config: { agent: 'demo' } };
}

describe('the project host (real nats-server, Postgres server, demo agent)', () => {
  let base: string;
  let nats: NatsServer;
  let databaseUrl: string;
  let admin: Database;
  let key: Buffer;
  let front: TestFront;
  let ann: Account, bo: Account;
  let p1: Project, p2: Project, p3: Project;
  let h1: ProjectHost;
  const hosts: ProjectHost[] = [];
  let annOn: TestCaller;

  /** A data dir with the cluster's secret.key (every process has the same one). */
  function dataDir(name: string): string {
    const dir = path.join(base, name);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!existsSync(path.join(dir, 'secret.key'))) writeFileSync(path.join(dir, 'secret.key'), key, { mode: 0o600 });
    return dir;
  }
  async function startHost(id: string): Promise<ProjectHost> {
    const host = await startProjectHost({ id, natsUrl: nats.url, natsCredentials: readNatsCredentials(nats.credentialsFile(id)), database: databaseUrl, dataDir: dataDir(id), turnService: createTurnService, log: () => undefined });
    hosts.push(host);
    return host;
  }
  async function project(name: string, hostId: string): Promise<Project> {
    const created = await addProject(admin, { name, ownerId: ann.id, folder: (id) => path.join(base, 'folders', id) });
    await addMember(admin, { projectId: created.id, accountId: bo.id, role: 'viewer' });
    await admin.query(`update projects set host_id = $2 where id = $1`, [created.id, hostId]);
    return created;
  }
  /** The turn.event notifications one client heard of one turn, in arrival order. */
  function eventsAt(clientId: string, turnId: string): TurnEvent[] {
    return front.heard.filter((n) => n.method === 'turn.event' && n.target.kind === 'client' && n.target.clientId === clientId && n.params.turnId === turnId).map((n) => n.params.event as TurnEvent);
  }
  const ended = (events: TurnEvent[]) => events.some((event) => event.type === 'status' && FINAL.has(event.state));
  async function sendTurn(projectId: string, threadKey: string, text: string, who = annOn): Promise<string> {
    const { turnId } = await front.ok<{ turnId: string }>('h1', 'turn.send', { project: projectId, path: CHAT, threadKey, prompt: [{ type: 'text', text }], userDate: new Date(Number(threadKey) + 1).toISOString() }, who);
    return turnId;
  }
  async function newThread(hostId: string, projectId: string, ms: number): Promise<string> {
    await front.ok(hostId, 'chat.set', { project: projectId, path: CHAT, rows: [threadRow(ms)] }, annOn);
    return String(ms);
  }
  async function refusals(): Promise<Array<{ target: string; outcome: string; account_id: string | null; project_id: string | null }>> {
    return admin.query(`select target, outcome, account_id, project_id from audit where kind = 'refused' order by id`);
  }

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'codex-chat-host-'));
    key = randomBytes(32);
    nats = await startNatsServer({ hosts: ['h1', 'h2'] });
    databaseUrl = await (await acquirePostgresServer()).createDatabase();
    admin = await openDatabase({ dataDir: base, databaseUrl });
    ann = await addAccount(admin, { email: 'ann@example.com', name: 'Ann' });
    bo = await addAccount(admin, { email: 'bo@example.com', name: 'Bo' });
    p1 = await project('First', 'h1');
    p2 = await project('Second', 'h2');
    p3 = await project('Third', 'h1');
    annOn = { accountId: ann.id, clientId: 'ann-tab-1' };
    h1 = await startHost('h1');
    front = await connectTestFront(nats, deriveCallerSigningKey(key));
    for (const projectId of [p1.id, p3.id]) await front.ok('h1', 'chat.create', { project: projectId, path: CHAT }, annOn);
  }, 120_000);
  afterAll(async () => {
    await front?.close();
    for (const host of hosts) await host.close();
    await admin?.close();
    await releasePostgresServer();
    await nats?.stop();
    await rm(base, { recursive: true, force: true });
  }, 60_000);

  it("answers a signed call: a turn's events reach the client that subscribed, with the project, in seq order; state is in the folder", async () => {
    expect(h1.recovered).toBe(2); // p1 and p3 opened at start-up
    const threadKey = await newThread('h1', p1.id, Date.UTC(2026, 1, 1));
    const turnId = await sendTurn(p1.id, threadKey, 'hello');
    expect(await front.ok('h1', 'turn.subscribe', { project: p1.id, turnId, fromSeq: 0 }, annOn)).toEqual({});
    const events = await waitFor('the turn to end', () => (ended(eventsAt(annOn.clientId, turnId)) ? eventsAt(annOn.clientId, turnId) : undefined));
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
    const notifications = front.heard.filter((n) => n.method === 'turn.event' && n.params.turnId === turnId);
    expect(notifications.every((n) => n.hostId === 'h1' && n.project === p1.id && n.params.project === p1.id)).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'status', state: 'completed' });
    // The turn log is in the project folder (a move needs only the folder), not in the host's data dir.
    expect(existsSync(path.join(p1.folder, '.codex-chat', 'state', 'logs', `${turnId}.jsonl`))).toBe(true);
    expect(existsSync(path.join(base, 'h1', 'project-state'))).toBe(false);
    // ...and the @-file index does not list it.
    const { files } = await front.ok<{ files: string[] }>('h1', 'files.list', { project: p1.id, query: '' }, annOn);
    expect(files).toContain(CHAT);
    expect(files.filter((file) => file.includes('.codex-chat'))).toEqual([]);
  }, 60_000);

  it('beats every second with the open projects, and registers in hosts', async () => {
    const beat = await waitFor('a heartbeat of h1', () => front.alive.find((alive) => alive.hostId === 'h1' && alive.startedAt === h1.startedAt));
    expect(beat.projects.sort()).toEqual([p1.id, p3.id].sort());
    const [row] = await admin.query<{ started_at: string }>(`select started_at from hosts where id = 'h1'`);
    expect(new Date(row.started_at).toISOString()).toBe(h1.startedAt);
  });

  it('checks the role again: a viewer cannot send (the front audits that refusal, not the host)', async () => {
    const reply = await front.call('h1', 'turn.send', { project: p1.id, path: CHAT, threadKey: '1', prompt: [{ type: 'text', text: 'hello' }], userDate: new Date().toISOString() }, { accountId: bo.id, clientId: 'bo-tab' });
    expect(reply).toMatchObject({ ok: false, error: { code: -32001, message: expect.stringContaining(`viewers cannot turn.send in project ${p1.id}`) } });
  });

  it('refuses unsigned, forged, expired and other-host calls with -32001 and an audit row, and garbage without falling over', async () => {
    const params = { project: p1.id, path: CHAT };
    const before = (await refusals()).length;
    const cases = [
      { signature: 'not-a-signature' },
      { key: deriveCallerSigningKey(randomBytes(32)) },
      { issuedAt: new Date(Date.now() - 10 * 60_000).toISOString() },
      { signedFor: 'h2' },
    ];
    for (const tamper of cases) {
      expect(await front.call('h1', 'chat.open', params, annOn, tamper)).toMatchObject({ ok: false, error: { code: -32001, message: expect.stringContaining('refused by project host h1') } });
    }
    const rows = await waitFor('four refused rows', async () => {
      const found = (await refusals()).slice(before);
      return found.length >= cases.length ? found : undefined;
    });
    expect(rows.map((row) => [row.target, row.account_id, row.project_id])).toEqual(cases.map(() => ['chat.open', null, p1.id]));
    expect(rows[2].outcome).toContain('caller identity expired');
    expect(rows[0].outcome).toContain(`claims account ${ann.id}`);
    // The audit is written in order: the viewer's refusal of the test before would be here by now.
    expect((await refusals()).filter((row) => row.account_id === bo.id)).toEqual([]);
    expect(await front.raw('h1', new TextEncoder().encode('{not json'))).toMatchObject({ ok: false, error: { code: -32600 } });
    expect(await front.raw('h1', new TextEncoder().encode(JSON.stringify({ v: 1, method: 'chat.open' })))).toMatchObject({ ok: false, error: { code: -32600 } });
    // Still serving.
    expect(await front.ok('h1', 'chat.open', params, annOn)).toHaveProperty('rows');
  });

  it("refuses to start with a secret.key that is not the cluster's", async () => {
    const other = path.join(base, 'other-key');
    mkdirSync(other, { mode: 0o700 });
    writeFileSync(path.join(other, 'secret.key'), randomBytes(32), { mode: 0o600 });
    await expect(startProjectHost({ id: 'h2', natsUrl: nats.url, natsCredentials: readNatsCredentials(nats.credentialsFile('h2')), database: databaseUrl, dataDir: other, log: () => undefined })).rejects.toThrow(/secret\.key .* is not the cluster's/);
  });

  it('answers -32007 for a project of another host, and serves it as soon as it is placed here', async () => {
    expect(await front.call('h1', 'chat.list', { project: p2.id }, annOn)).toEqual({ ok: false, error: { code: -32007, message: `project ${p2.id} is not on host h1` } });
    const unplaced = await project('Fourth', 'h1');
    await admin.query(`update projects set host_id = null where id = $1`, [unplaced.id]);
    expect(await front.call('h1', 'chat.list', { project: unplaced.id }, annOn)).toMatchObject({ ok: false, error: { code: -32007 } });
    // The front places it at first use and calls at once, before the NOTIFY may have reached the host.
    await admin.query(`update projects set host_id = 'h1' where id = $1`, [unplaced.id]);
    expect(await front.call('h1', 'chat.list', { project: unplaced.id }, annOn)).toMatchObject({ ok: true });
  });

  it("ends a client's turn subscriptions when the front says it left", async () => {
    const threadKey = await newThread('h1', p1.id, Date.UTC(2026, 2, 1));
    const turnId = await sendTurn(p1.id, threadKey, 'edit please');
    const boTab = { accountId: bo.id, clientId: 'bo-tab-2' };
    await front.ok('h1', 'turn.subscribe', { project: p1.id, turnId, fromSeq: 0 }, boTab);
    await front.ok('h1', 'turn.subscribe', { project: p1.id, turnId, fromSeq: 0 }, annOn);
    const pending = await waitFor('the permission request', () => eventsAt(boTab.clientId, turnId).find((event) => event.type === 'permission' && event.state === 'pending'));
    if (pending.type !== 'permission') throw new Error('unreachable');
    await front.event({ kind: 'left', frontId: front.frontId, clientId: boTab.clientId });
    const heardByBo = eventsAt(boTab.clientId, turnId).length;
    await front.ok('h1', 'permission.respond', { project: p1.id, turnId, requestId: pending.requestId, optionId: 'allow_once' }, annOn);
    await waitFor("the turn to end at Ann's tab", () => ended(eventsAt(annOn.clientId, turnId)));
    // Same subject, same order: anything for Bo's tab would have arrived before Ann's last event.
    expect(eventsAt(boTab.clientId, turnId).length).toBe(heardByBo);
    expect(eventsAt(annOn.clientId, turnId).length).toBeGreaterThan(heardByBo);
  }, 60_000);

  it('after a restart, marks the turn that was running interrupted and its queue goes on', async () => {
    const threadKey = await newThread('h1', p1.id, Date.UTC(2026, 3, 1));
    const running = await sendTurn(p1.id, threadKey, 'edit please');
    const queued = await sendTurn(p1.id, threadKey, 'hello');
    await front.ok('h1', 'turn.subscribe', { project: p1.id, turnId: running, fromSeq: 0 }, annOn);
    await waitFor('the permission request', () => eventsAt(annOn.clientId, running).find((event) => event.type === 'permission'));
    // Closing stops the agents without ending their turns (a thread writes nothing more once closed),
    // so the logs are left as a killed host leaves them.
    await h1.close();
    hosts.splice(hosts.indexOf(h1), 1);
    h1 = await startHost('h1');
    const tab = { accountId: ann.id, clientId: 'ann-tab-after-restart' };
    await front.ok('h1', 'turn.subscribe', { project: p1.id, turnId: running, fromSeq: 0 }, tab);
    await front.ok('h1', 'turn.subscribe', { project: p1.id, turnId: queued, fromSeq: 0 }, tab);
    const replay = await waitFor('the replay of the interrupted turn', () => (ended(eventsAt(tab.clientId, running)) ? eventsAt(tab.clientId, running) : undefined));
    expect(replay.at(-1)).toMatchObject({ type: 'status', state: 'interrupted' });
    // The turn queued behind it runs at start-up, before any browser came back.
    await waitFor('the queued turn to end', () => ended(eventsAt(tab.clientId, queued)));
    expect(eventsAt(tab.clientId, queued).at(-1)).toMatchObject({ type: 'status', state: 'completed' });
    const next = await sendTurn(p1.id, threadKey, 'hello', tab);
    await front.ok('h1', 'turn.subscribe', { project: p1.id, turnId: next, fromSeq: 0 }, tab);
    await waitFor('the next turn to end', () => ended(eventsAt(tab.clientId, next)));
    expect(eventsAt(tab.clientId, next).at(-1)).toMatchObject({ type: 'status', state: 'completed' });
  }, 90_000);

  it('runs as `codex-chat project-host`: warns of --sandbox none, says ready, stops on SIGTERM', async () => {
    const args = ['project-host', '--id', 'h2', '--nats', nats.url, '--nats-credentials', nats.credentialsFile('h2'), '--database', databaseUrl, '--data', dataDir('h2'), '--sandbox', 'none'];
    const cli = spawnCli('host h2', args, base);
    try {
      await cli.waitForLine(/\[host h2\] ready: serving 1 project\(s\) over NATS/);
      expect(cli.output()).toContain('[host h2] WARNING: --sandbox none: agents run ON THE HOST');
      expect(await front.ok('h2', 'chat.list', { project: p2.id }, annOn)).toEqual({ files: [] });
    } finally {
      await cli.stop();
    }
    expect(cli.output()).toContain('[hub] stopped');
  }, 120_000);

  it("closes a project's scope when it moves to another host (NOTIFY), whose host goes on from the folder", async () => {
    const threadKey = await newThread('h1', p3.id, Date.UTC(2026, 4, 1));
    const turnId = await sendTurn(p3.id, threadKey, 'edit please');
    const queued = await sendTurn(p3.id, threadKey, 'hello');
    await front.ok('h1', 'turn.subscribe', { project: p3.id, turnId, fromSeq: 0 }, annOn);
    await waitFor('the permission request', () => eventsAt(annOn.clientId, turnId).find((event) => event.type === 'permission'));
    await startHost('h2');
    // As `codex-chat projects move` does: a write to Postgres by another process, nothing over NATS.
    await admin.query(`update projects set host_id = 'h2' where id = $1`, [p3.id]);
    await waitFor('h1 to close the moved project', () => !h1.scopes.loaded().some((scope) => scope.projectId === p3.id));
    await waitFor('the turn to end interrupted at its subscriber', () => ended(eventsAt(annOn.clientId, turnId)));
    expect(eventsAt(annOn.clientId, turnId).at(-1)).toMatchObject({ type: 'status', state: 'interrupted' });
    expect(await front.call('h1', 'chat.open', { project: p3.id, path: CHAT }, annOn)).toMatchObject({ ok: false, error: { code: -32007 } });
    // h2 serves it from the same folder: the chat and the turn's log are there.
    const tab = { accountId: ann.id, clientId: 'ann-tab-on-h2' };
    expect(await front.ok('h2', 'chat.open', { project: p3.id, path: CHAT }, tab)).toHaveProperty('rows');
    await front.ok('h2', 'turn.subscribe', { project: p3.id, turnId, fromSeq: 0 }, tab);
    await waitFor('the replay on h2', () => ended(eventsAt(tab.clientId, turnId)));
    // The turn queued behind it was left queued by h1 and runs on h2.
    await front.ok('h2', 'turn.subscribe', { project: p3.id, turnId: queued, fromSeq: 0 }, tab);
    await waitFor('the queued turn to end on h2', () => ended(eventsAt(tab.clientId, queued)));
    expect(eventsAt(tab.clientId, queued).at(-1)).toMatchObject({ type: 'status', state: 'completed' });
    expect(front.heard.filter((n) => n.target.kind === 'client' && n.target.clientId === tab.clientId).every((n) => n.hostId === 'h2')).toBe(true);
  }, 90_000);
});
