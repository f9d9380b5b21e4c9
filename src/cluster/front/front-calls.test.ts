import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../hub/hub-test-helpers.js';
import { hostOfProject, listAudit, moveProject, type Account, type Project } from '../../multiuser/db/index.js';
import { startFrontTestKit, type FrontTestKit } from './testing/front-test-kit.js';

describe('the front hub sends project calls to their hosts', () => {
  let t: FrontTestKit;
  let ann: Account, bo: Account;
  let onH1: Project, onH2: Project;
  const callCount = () => t.hosts.h1.calls.length + t.hosts.h2.calls.length;

  beforeAll(async () => {
    t = await startFrontTestKit(['h1', 'h2']);
    [ann, bo] = await Promise.all([t.person('ann@example.com', 'Ann'), t.person('bo@example.com', 'Bo')]);
    onH1 = await t.project('Ann on one', ann, 'h1');
    onH2 = await t.project('Ann on two', ann, 'h2', [[bo, 'viewer']]);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  }, 60_000);

  it("signs a member's call and sends it to the host of its project, with the project; the host's result and error come back", async () => {
    const client = await t.connect(ann);
    t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [{ path: 'a.chat' }] } }));
    expect(await client.call('chat.list', { project: onH1.id })).toEqual({ chats: [{ path: 'a.chat' }] });
    const [call] = t.hosts.h1.calls;
    expect(call).toMatchObject({ method: 'chat.list', params: { project: onH1.id }, verified: true, caller: { accountId: ann.id, isAdmin: false, frontId: t.front.frontId } });
    expect(t.hosts.h2.calls).toHaveLength(0);

    t.hosts.h2.answerWith(() => ({ ok: false, error: { code: -32004, message: 'version conflict', data: { version: 7 } } }));
    await expect(client.call('chat.set', { project: onH2.id, path: 'b.chat', rows: [] })).rejects.toMatchObject({ code: -32004, message: 'chat.set: version conflict', data: { version: 7 } });
    expect(t.hosts.h2.calls.at(-1)).toMatchObject({ method: 'chat.set', params: { project: onH2.id, path: 'b.chat' }, verified: true });
  });

  it('refuses a non-member and a too-small role before any NATS message, with a refused audit row', async () => {
    const client = await t.connect(bo);
    const before = callCount();
    await expect(client.call('chat.list', { project: onH1.id })).rejects.toMatchObject({ code: -32001, message: `chat.list: not a member of project ${onH1.id}` });
    await expect(client.call('chat.create', { project: onH2.id, path: 'x.chat' })).rejects.toMatchObject({ code: -32001 });
    await expect(client.call('chat.list', { project: 'no-such-project' })).rejects.toMatchObject({ code: -32001, message: 'chat.list: not a member of project no-such-project' });
    expect(callCount()).toBe(before);
    const rows = await waitFor('the refusals in the audit', async () => {
      const page = await listAudit(t.db, { accountId: bo.id, kinds: ['refused'] }, { accountId: bo.id, isAdmin: true });
      return page.rows.length >= 3 ? page.rows : undefined;
    });
    expect(rows).toContainEqual(expect.objectContaining({ projectId: onH1.id, target: 'chat.list', outcome: `not a member of project ${onH1.id}` }));
  });

  it('re-reads the assignment once and calls the new host when a host says the project is not on it', async () => {
    const client = await t.connect(ann);
    const moving = await t.project('Ann moving', ann, 'h1');
    t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [] } }));
    await client.call('chat.list', { project: moving.id }); // the front now has h1 cached
    // The project moves to h2 while the front still routes to h1: h1 says so.
    t.hosts.h1.answerWith(async (call) => {
      await t.db.query(`update projects set host_id = 'h2' where id = $1`, [moving.id]);
      return { ok: false, error: { code: -32007, message: `project ${String(call.params.project)} is not on host h1` } };
    });
    t.hosts.h2.answerWith(() => ({ ok: true, result: { chats: [{ path: 'moved.chat' }] } }));
    const h1Before = t.hosts.h1.calls.length;
    const h2Before = t.hosts.h2.calls.length;
    expect(await client.call('chat.list', { project: moving.id })).toEqual({ chats: [{ path: 'moved.chat' }] });
    expect(t.hosts.h1.calls.length - h1Before).toBe(1);
    expect(t.hosts.h2.calls.length - h2Before).toBe(1);
    expect(t.hosts.h2.calls.at(-1)).toMatchObject({ method: 'chat.list', params: { project: moving.id }, verified: true });
  });

  it('follows a move made in the database (projects move: NOTIFY): the members hear the new host, the next call goes there', async () => {
    const client = await t.connect(ann);
    const notices: unknown[] = [];
    client.on('project.host', (params) => notices.push(params));
    const moving = await t.project('Ann moved by the admin', ann, 'h1');
    t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [] } }));
    await client.call('chat.list', { project: moving.id });
    await moveProject(t.db, moving.id, 'h2');
    await waitFor('the new host at the page', () => notices.length === 1);
    expect(notices).toEqual([{ project: moving.id, host: { id: 'h2', available: true } }]);
    t.hosts.h2.answerWith(() => ({ ok: true, result: { chats: [{ path: 'there.chat' }] } }));
    expect(await client.call('chat.list', { project: moving.id })).toEqual({ chats: [{ path: 'there.chat' }] });
  });

  it('places a project that has no host at its first call on an up host, and says when no host is up', async () => {
    const client = await t.connect(ann);
    const unplaced = await t.project('Ann unplaced', ann, null);
    t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [] } }));
    t.hosts.h2.answerWith(() => ({ ok: true, result: { chats: [] } }));
    const before = callCount();
    await client.call('chat.list', { project: unplaced.id });
    const placedOn = await hostOfProject(t.db, unplaced.id);
    expect(['h1', 'h2']).toContain(placedOn);
    expect(callCount()).toBe(before + 1);
    expect(t.hosts[placedOn as string].calls.at(-1)).toMatchObject({ params: { project: unplaced.id } });

    await t.db.query(`update hosts set last_seen_at = now() - interval '1 hour'`);
    const nowhere = await t.project('Ann nowhere', ann, null);
    await expect(client.call('chat.list', { project: nowhere.id })).rejects.toMatchObject({ code: -32007, message: 'chat.list: no project host is available' });
    expect(await hostOfProject(t.db, nowhere.id)).toBeNull();
    await t.db.query(`update hosts set last_seen_at = now()`);
  });

  it("sends elicitation.respond to the host whose elicitation.request it relayed, as a signed call without project; an unknown id goes nowhere", async () => {
    const client = await t.connect(ann);
    const asked: unknown[] = [];
    client.on('elicitation.request', (params) => asked.push(params));
    t.hosts.h2.notify({ target: { kind: 'account', accountId: ann.id }, method: 'elicitation.request', params: { elicitationId: 'el-1', agent: 'demo', message: 'Sign in', url: 'https://example.com/device' } });
    await waitFor('the elicitation at the page', () => asked.length === 1);
    t.hosts.h2.answerWith(() => ({ ok: true, result: {} }));
    const before = t.hosts.h2.calls.length;
    expect(await client.call('elicitation.respond', { elicitationId: 'el-1', action: 'accept' })).toEqual({});
    expect(t.hosts.h2.calls.slice(before)).toEqual([expect.objectContaining({ method: 'elicitation.respond', params: { elicitationId: 'el-1', action: 'accept' }, verified: true, caller: expect.objectContaining({ accountId: ann.id }) })]);
    const count = callCount();
    await expect(client.call('elicitation.respond', { elicitationId: 'el-unknown', action: 'accept' })).rejects.toMatchObject({ code: -32002 });
    expect(callCount()).toBe(count);
  });

  it('said hello to the hosts at start and tells them when a browser connection closes', async () => {
    expect(t.hosts.h1.frontEvents[0]).toEqual({ kind: 'hello', frontId: t.front.frontId });
    const client = await t.connect(bo);
    t.hosts.h2.answerWith(() => ({ ok: true, result: { chats: [] } }));
    await client.call('chat.list', { project: onH2.id });
    const { clientId } = t.hosts.h2.calls.at(-1)!.caller;
    client.close();
    await waitFor('the left event', () => t.hosts.h1.frontEvents.some((event) => event.kind === 'left' && event.clientId === clientId));
    expect(t.hosts.h2.frontEvents).toContainEqual({ kind: 'left', frontId: t.front.frontId, clientId });
  });
});
