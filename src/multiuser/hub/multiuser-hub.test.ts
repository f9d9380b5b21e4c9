import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { scopeApiToProject, type AcpApi } from '../../acp-api/index.js';
import type { AcpApiNotifications, Row, TurnEvent } from '../../protocol/index.js';
import { waitFor } from '../../hub/hub-test-helpers.js';
import { runAdminCli } from '../cli/index.js';
import { disableAccount, type Account, type Project } from '../db/index.js';
import { TEST_DATABASE_KINDS } from '../testing/test-databases.js';
import { startTestMultiuserHub, type TestMultiuserHub } from './testing/multiuser-test-hub.js';

const CHAT = 'team.chat';
const FINAL = new Set(['completed', 'cancelled', 'failed', 'interrupted']);

function threadRow(ms: number, agent = 'demo'): Row {
  const date = new Date(ms).toISOString();
  return { event: 'chat', date, sender_id: 'someone', history: [{ author_id: 'someone', content: 'agent thread', date }], acp_config: { agent } };
}

/** What a client heard of one notification kind. */
function listen<N extends keyof AcpApiNotifications>(client: AcpApi, name: N): Array<AcpApiNotifications[N]> {
  const heard: Array<AcpApiNotifications[N]> = [];
  client.on(name, (params) => heard.push(params));
  return heard;
}

/** Status of an upgrade to /api/ws with these headers (101 when admitted). */
function upgradeStatus(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

describe.each(TEST_DATABASE_KINDS)('the multiuser hub (%s)', (kind) => {
  let t: TestMultiuserHub;
  let ann: Account, bo: Account, cy: Account, dee: Account;
  let annsProject: Project, bosProject: Project;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestMultiuserHub(kind, { disabledSweepIntervalMs: 100 });
    [ann, bo, cy, dee] = await Promise.all([
      t.person('ann@example.com', 'Ann'),
      t.person('bo@example.com', 'Bo'),
      t.person('cy@example.com', 'Cy'),
      t.person('dee@example.com', 'Dee'),
    ]);
    annsProject = await t.project('Ann works', ann, [
      [cy, 'viewer'],
      [dee, 'collaborator'],
    ]);
    bosProject = await t.project('Bo secret', bo);
    for (const [name, account] of Object.entries({ ann, bo, cy, dee })) cookies[name] = await t.login(account.email);
    const owners = [
      scopeApiToProject(t.connect(cookies.ann), annsProject.id),
      scopeApiToProject(t.connect(cookies.bo), bosProject.id),
    ];
    for (const owner of owners) await owner.call('chat.create', { path: CHAT });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  }, 60_000);

  it('serves nothing over HTTP without a session: pages go to /login, assets and /customize get 401, the upgrade 401', async () => {
    const page = await t.http('GET', '/', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(302);
    expect(page.headers.location).toMatch(/^\/login/);
    expect((await t.http('GET', '/assets/index-abc123.js')).status).toBe(401);
    expect((await t.http('GET', '/customize')).status).toBe(401);
    expect((await t.http('GET', '/api/audit.csv')).status).toBe(401);
    expect(await upgradeStatus(t.hub.port, { Origin: t.origin })).toBe(401);
    expect(await upgradeStatus(t.hub.port, { Origin: t.origin, Cookie: 'codex_chat_session=forged' })).toBe(401);
    // A foreign page cannot use a member's cookie (cross-site WebSocket hijacking).
    expect(await upgradeStatus(t.hub.port, { Origin: 'http://evil.example', Cookie: cookies.ann })).toBe(403);
    expect((await t.http('GET', '/customize', { headers: { Cookie: cookies.ann } })).status).toBe(200);
    expect(await upgradeStatus(t.hub.port, { Origin: t.origin, Cookie: cookies.ann })).toBe(101);
  });

  it('answers the hub-level methods for the caller: settings.get, projects.list, people.get only of shared projects', async () => {
    const client = t.connect(cookies.ann);
    expect(await client.call('settings.get', {})).toMatchObject({ mode: 'multiuser', accountId: ann.id, accountName: 'Ann', email: 'ann@example.com', isAdmin: false });
    expect((await client.call('projects.list', {})).projects).toEqual([{ id: annsProject.id, name: 'Ann works', role: 'owner', createdAt: expect.any(String) }]);
    const { people } = await client.call('people.get', { accountIds: [ann.id, bo.id, cy.id, 'nobody'] });
    expect(people.map((person) => person.name).sort()).toEqual(['Ann', 'Cy']);
    await expect(client.call('settings.set', { settings: { codex_enabled: false } })).rejects.toMatchObject({ code: -32001 });
    expect(await client.call('account.setName', { name: ' Ann B. ' })).toEqual({ accountName: 'Ann B.' });
    expect((await t.connect(cookies.cy).call('people.get', { accountIds: [ann.id] })).people).toEqual([{ accountId: ann.id, name: 'Ann B.' }]);
  });

  it("keeps A out of B's project: no list, open, write, subscribe or approve; unknown project gets the same answer", async () => {
    const annRaw = t.connect(cookies.ann);
    const bo2 = scopeApiToProject(t.connect(cookies.bo), bosProject.id);
    const annHeard = listen(annRaw, 'chat.change');
    const annQueues = listen(annRaw, 'queue.change');
    const boQueues = listen(bo2, 'queue.change');
    await bo2.call('chat.open', { path: CHAT });
    const threadKey = String(Date.UTC(2026, 1, 1));
    await bo2.call('chat.set', { path: CHAT, rows: [threadRow(Number(threadKey))] });
    const { turnId } = await bo2.call('turn.send', { path: CHAT, threadKey, prompt: [{ type: 'text', text: 'please take a note of this' }], userDate: new Date(Number(threadKey) + 1).toISOString() });

    const forbidden = { code: -32001, message: expect.stringContaining(`not a member of project ${bosProject.id}`) };
    const intoBo = { project: bosProject.id };
    await expect(annRaw.call('chat.list', intoBo as never)).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('chat.open', { ...intoBo, path: CHAT })).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('chat.set', { ...intoBo, path: CHAT, rows: [threadRow(Date.UTC(2026, 1, 2))] })).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('files.list', { ...intoBo, query: '' })).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('turn.subscribe', { ...intoBo, turnId, fromSeq: 0 })).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('permission.respond', { ...intoBo, turnId, requestId: 'x', optionId: 'allow_once' })).rejects.toMatchObject(forbidden);
    await expect(annRaw.call('turn.interrupt', { ...intoBo, turnId })).rejects.toMatchObject(forbidden);
    // Bo's turn asked through Ann's own project is not found there.
    await expect(annRaw.call('turn.subscribe', { project: annsProject.id, turnId, fromSeq: 0 })).rejects.toMatchObject({ code: -32002 });
    await expect(annRaw.call('turn.interrupt', { project: annsProject.id, turnId })).rejects.toMatchObject({ code: -32002 });
    await expect(annRaw.call('chat.list', { project: 'no-such-project' } as never)).rejects.toMatchObject({ code: -32001, message: expect.stringContaining('not a member of project no-such-project') });
    await expect(annRaw.call('chat.list', {})).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('project is required in multiuser mode') });

    // Bo's turn runs; Ann heard nothing of Bo's project all along.
    const events: TurnEvent[] = [];
    bo2.subscribeTurn(turnId, 0, (event) => events.push(event));
    const pending = await waitFor('the permission request', () => events.find((event) => event.type === 'permission' && event.state === 'pending'));
    if (pending.type !== 'permission') throw new Error('unreachable');
    await bo2.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'allow_once' });
    await waitFor("Bo's turn to end", () => events.some((event) => event.type === 'status' && FINAL.has(event.state)));
    await annRaw.call('chat.list', { project: annsProject.id } as never); // a round trip after Bo's last change
    expect(annHeard.filter((change) => change.project === bosProject.id)).toEqual([]);
    expect(boQueues.length).toBeGreaterThan(0); // queue changes of Bo's turn were sent, to Bo only
    expect(annQueues).toEqual([]);
    expect(existsSync(path.join(t.hub.dataDir, 'projects', bosProject.id, 'demo-notes.md'))).toBe(true);
    expect(existsSync(path.join(t.hub.dataDir, 'project-state', bosProject.id, 'logs', `${turnId}.jsonl`))).toBe(true);
  }, 90_000);

  it('lets a viewer read but not send or approve (forbidden, with an audit row)', async () => {
    const viewer = scopeApiToProject(t.connect(cookies.cy), annsProject.id);
    await viewer.call('chat.open', { path: CHAT });
    const threadKey = String(Date.UTC(2026, 2, 1));
    const reason = `viewers cannot turn.send in project ${annsProject.id}`;
    const refused = { code: -32001, message: expect.stringContaining(reason) };
    await expect(viewer.call('turn.send', { path: CHAT, threadKey, prompt: [{ type: 'text', text: 'hi' }], userDate: new Date().toISOString() })).rejects.toMatchObject(refused);
    await expect(viewer.call('permission.respond', { turnId: 'turn-x', requestId: 'r', optionId: 'allow_once' })).rejects.toMatchObject({ code: -32001 });
    await expect(viewer.call('chat.set', { path: CHAT, rows: [threadRow(Number(threadKey))] })).rejects.toMatchObject({ code: -32001 });
    const rows = await waitFor('the refusal audit rows', async () => {
      const found = await t.hub.db.query<{ target: string; outcome: string }>(`select target, outcome from audit where kind = 'refused' and account_id = $1 and project_id = $2`, [cy.id, annsProject.id]);
      return found.length >= 3 ? found : undefined;
    });
    expect(rows).toContainEqual({ target: 'turn.send', outcome: reason });
  });

  it("shows a member the other member's chat changes and turn events live, and audits the turn, the edit, the approval and a command", async () => {
    const annApi = scopeApiToProject(t.connect(cookies.ann), annsProject.id);
    const deeRaw = t.connect(cookies.dee);
    const deeApi = scopeApiToProject(deeRaw, annsProject.id);
    const deeChanges = listen(deeRaw, 'chat.change');
    await deeApi.call('chat.open', { path: CHAT });
    await annApi.call('chat.open', { path: CHAT });
    const threadKey = String(Date.UTC(2026, 3, 1));
    await annApi.call('chat.set', { path: CHAT, rows: [threadRow(Number(threadKey))] });
    await waitFor("Ann's row at Dee", () => deeChanges.find((change) => change.rows.some((row) => row.date === new Date(Number(threadKey)).toISOString())));
    expect(deeChanges.every((change) => change.project === annsProject.id)).toBe(true);

    const { turnId } = await annApi.call('turn.send', { path: CHAT, threadKey, prompt: [{ type: 'text', text: 'please take a note of this' }], userDate: new Date(Number(threadKey) + 1).toISOString() });
    const deeEvents = listen(deeRaw, 'turn.event');
    const seen: TurnEvent[] = [];
    deeApi.subscribeTurn(turnId, 0, (event) => seen.push(event));
    const pending = await waitFor('the permission request at Dee', () => seen.find((event) => event.type === 'permission' && event.state === 'pending'));
    if (pending.type !== 'permission') throw new Error('unreachable');
    await deeApi.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'allow_once' });
    await waitFor('the turn to end at Dee', () => seen.some((event) => event.type === 'status' && FINAL.has(event.state)));
    expect(seen.find((event) => event.type === 'permission' && event.state === 'selected')).toMatchObject({ decidedBy: dee.id });
    expect(deeEvents.every((notification) => notification.project === annsProject.id)).toBe(true);

    const kinds = await waitFor('audit rows of the turn', async () => {
      const rows = await t.hub.db.query<{ kind: string; account_id: string | null }>(`select kind, account_id from audit where turn_id = $1`, [turnId]);
      const found = new Set(rows.map((row) => row.kind));
      return found.has('approval') && found.has('turn') && found.has('file.write') ? rows : undefined;
    });
    expect(kinds).toContainEqual({ kind: 'approval', account_id: dee.id });

    // A command the agent runs in Ann's next turn is an audit row of its own, on her account.
    const next = await annApi.call('turn.send', { path: CHAT, threadKey, prompt: [{ type: 'text', text: 'command' }], userDate: new Date(Number(threadKey) + 2).toISOString() });
    const commands = await waitFor('the command audit row', async () => {
      const rows = await t.hub.db.query<{ target: string; account_id: string | null }>(`select target, account_id from audit where turn_id = $1 and kind = 'command'`, [next.turnId]);
      return rows.length > 0 ? rows : undefined;
    });
    expect(commands[0]).toMatchObject({ account_id: ann.id });
    expect(commands[0].target).toContain('ls -la');
  }, 150_000);

  it('refuses the session of a disabled account, and a removed member hears and does nothing more', async () => {
    const eve = await t.person('eve@example.com', 'Eve');
    const eves = await t.project('Eve place', eve, [[bo, 'collaborator']]);
    const eveCookie = await t.login(eve.email);
    expect(await upgradeStatus(t.hub.port, { Origin: t.origin, Cookie: eveCookie })).toBe(101);
    const open = new WebSocket(`ws://127.0.0.1:${t.hub.port}/api/ws`, { headers: { Origin: t.origin, Cookie: eveCookie } });
    await new Promise((resolve) => open.once('open', resolve));
    const closed = new Promise<number>((resolve) => open.once('close', (code) => resolve(code)));
    await disableAccount(t.hub.db, eve.id);
    // The hub's sweep closes her open connection (4001), and her session is refused from then on.
    expect(await closed).toBe(4001);
    expect(await upgradeStatus(t.hub.port, { Origin: t.origin, Cookie: eveCookie })).toBe(401);
    expect((await t.http('GET', '/customize', { headers: { Cookie: eveCookie } })).status).toBe(401);

    // Ann, a second member of Eve's project, writes; Bo hears it until he is removed.
    await t.hub.db.query(`insert into members (project_id, account_id, role) values ($1, $2, 'collaborator')`, [eves.id, ann.id]);
    t.hub.membersChanged(eves.id);
    const annApi = scopeApiToProject(t.connect(cookies.ann), eves.id);
    const boRaw = t.connect(cookies.bo);
    const boHeard = listen(boRaw, 'chat.change');
    const boApi = scopeApiToProject(boRaw, eves.id);
    await annApi.call('chat.create', { path: CHAT });
    await boApi.call('chat.open', { path: CHAT });
    const before = threadRow(Date.UTC(2026, 4, 1));
    await annApi.call('chat.set', { path: CHAT, rows: [before] });
    await waitFor("Ann's first row at Bo", () => boHeard.find((change) => change.rows.some((row) => row.date === before.date)));
    // Through the admin CLI, which finds the running hub and has it run the command (and drop its member cache).
    expect(await runAdminCli(['projects', 'members', 'remove', '--project', eves.id, '--email', bo.email, '--data', t.hub.dataDir])).toBe(0);
    const after = threadRow(Date.UTC(2026, 4, 2));
    await annApi.call('chat.set', { path: CHAT, rows: [after] });
    await expect(boApi.call('chat.set', { path: CHAT, rows: [threadRow(Date.UTC(2026, 4, 3))] })).rejects.toMatchObject({ code: -32001 });
    await annApi.call('chat.list', {}); // a round trip after Ann's last change
    expect(boHeard.filter((change) => change.rows.some((row) => row.date === after.date))).toEqual([]);
  });
});
