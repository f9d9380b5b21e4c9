import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcpApi } from '../../acp-api/index.js';
import { waitFor } from '../../hub/hub-test-helpers.js';
import { addMember, removeMember, saveSettings, type Account, type Project } from '../../multiuser/db/index.js';
import { DEFAULT_HUB_SETTINGS } from '../../protocol/index.js';
import { startFrontTestKit, type FrontTestKit } from './testing/front-test-kit.js';

type Heard = Array<{ method: string; params: Record<string, unknown> }>;

/** Every notification a client hears of these kinds, in order. */
function hear(client: AcpApi, methods: string[]): Heard {
  const heard: Heard = [];
  for (const method of methods) client.on(method as 'chat.change', (params) => heard.push({ method, params: params as unknown as Record<string, unknown> }));
  return heard;
}

const change = (project: string, path: string) => ({ project, target: { kind: 'all' as const }, method: 'chat.change' as const, params: { project, path, rows: [], deleted: [] } });
const agentsChange = { target: { kind: 'all' as const }, method: 'agents.change' as const, params: { agents: [] } };

describe("the front hub relays the hosts' notifications to members only", () => {
  let t: FrontTestKit;
  let ann: Account, bo: Account, cy: Account;
  let annsProject: Project, bosProject: Project;

  beforeAll(async () => {
    t = await startFrontTestKit(['h1']);
    [ann, bo, cy] = await Promise.all([t.person('ann@example.com', 'Ann'), t.person('bo@example.com', 'Bo'), t.person('cy@example.com', 'Cy')]);
    annsProject = await t.project('Ann works', ann, 'h1', [[cy, 'viewer']]);
    bosProject = await t.project('Bo secret', bo, 'h1');
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  }, 60_000);

  it("sends a project's notifications to its connected members, as the host sent them and in the host's order", async () => {
    const [annHeard, boHeard, cyHeard] = await Promise.all([ann, bo, cy].map(async (account) => hear(await t.connect(account), ['chat.change', 'agents.change'])));
    for (let n = 0; n < 20; n++) t.hosts.h1.notify(change(n % 2 ? annsProject.id : bosProject.id, `c${n}.chat`));
    t.hosts.h1.notify(agentsChange); // hub-wide: everyone, after all of the above
    for (const heard of [annHeard, boHeard, cyHeard]) await waitFor('agents.change everywhere', () => heard.some((entry) => entry.method === 'agents.change'));
    const paths = (heard: Heard) => heard.filter((entry) => entry.method === 'chat.change').map((entry) => entry.params.path);
    const odd = Array.from({ length: 10 }, (_, i) => `c${2 * i + 1}.chat`);
    const even = Array.from({ length: 10 }, (_, i) => `c${2 * i}.chat`);
    expect(paths(annHeard)).toEqual(odd);
    expect(paths(cyHeard)).toEqual(odd);
    expect(paths(boHeard)).toEqual(even);
    expect(annHeard[0].params).toEqual({ project: annsProject.id, path: 'c1.chat', rows: [], deleted: [] });
    expect(annHeard.at(-1)?.method).toBe('agents.change');
  });

  it('sends a target client notification to that connection only, and only if its account is a member', async () => {
    const annTab = await t.connect(ann);
    const annOtherTab = await t.connect(ann);
    const boTab = await t.connect(bo);
    t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [] } }));
    const clientIdOf = async (client: AcpApi, project: string) => {
      await client.call('chat.list', { project });
      return t.hosts.h1.calls.at(-1)!.caller.clientId;
    };
    const [annTabId, boTabId] = [await clientIdOf(annTab, annsProject.id), await clientIdOf(boTab, bosProject.id)];
    const [tabHeard, otherHeard, boHeard] = [annTab, annOtherTab, boTab].map((client) => hear(client, ['turn.event', 'agents.change']));
    const event = (project: string, clientId: string) => ({ project, target: { kind: 'client' as const, clientId }, method: 'turn.event' as const, params: { project, turnId: 't1', event: { seq: 0 } } });
    t.hosts.h1.notify(event(annsProject.id, annTabId));
    t.hosts.h1.notify(event(annsProject.id, boTabId)); // Bo is not a member of Ann's project
    t.hosts.h1.notify(agentsChange);
    for (const heard of [tabHeard, otherHeard, boHeard]) await waitFor('agents.change', () => heard.some((entry) => entry.method === 'agents.change'));
    expect(tabHeard.map((entry) => entry.method)).toEqual(['turn.event', 'agents.change']);
    expect(otherHeard.map((entry) => entry.method)).toEqual(['agents.change']);
    expect(boHeard.map((entry) => entry.method)).toEqual(['agents.change']);
  });

  it("sends a target account notification to the account's tabs but the one excepted, if a member", async () => {
    const [first, second] = [await t.connect(cy), await t.connect(cy)];
    t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [] } }));
    await first.call('chat.list', { project: annsProject.id });
    const firstId = t.hosts.h1.calls.at(-1)!.caller.clientId;
    const [firstHeard, secondHeard] = [first, second].map((client) => hear(client, ['queue.change', 'agents.change']));
    const queue = (project: string) => ({ project, target: { kind: 'account' as const, accountId: cy.id, exceptClientId: firstId }, method: 'queue.change' as const, params: { project, path: 'a.chat', threadKey: '1', queue: [] } });
    t.hosts.h1.notify(queue(annsProject.id));
    t.hosts.h1.notify(queue(bosProject.id)); // Cy is not in Bo's project
    t.hosts.h1.notify(agentsChange);
    for (const heard of [firstHeard, secondHeard]) await waitFor('agents.change', () => heard.some((entry) => entry.method === 'agents.change'));
    expect(firstHeard.map((entry) => entry.method)).toEqual(['agents.change']);
    expect(secondHeard).toEqual([{ method: 'queue.change', params: { project: annsProject.id, path: 'a.chat', threadKey: '1', queue: [] } }, expect.objectContaining({ method: 'agents.change' })]);
  });

  it('follows member changes made in the database (NOTIFY): an added member hears the project, a removed one no more', async () => {
    const bosTab = await t.connect(bo);
    const heard = hear(bosTab, ['chat.change', 'agents.change']);
    await addMember(t.db, { projectId: annsProject.id, accountId: bo.id, role: 'viewer' });
    t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [] } }));
    await waitFor('Bo let in by the front', () => bosTab.call('chat.list', { project: annsProject.id }).then(() => true, () => false));
    t.hosts.h1.notify(change(annsProject.id, 'welcome.chat'));
    await waitFor('the welcome', () => heard.some((entry) => entry.params.path === 'welcome.chat'));

    await removeMember(t.db, { projectId: annsProject.id, accountId: bo.id });
    await waitFor('Bo refused by the front', () => bosTab.call('chat.list', { project: annsProject.id }).then(() => false, () => true));
    t.hosts.h1.notify(change(annsProject.id, 'after.chat'));
    t.hosts.h1.notify(agentsChange);
    await waitFor('agents.change', () => heard.some((entry) => entry.method === 'agents.change'));
    expect(heard.some((entry) => entry.params.path === 'after.chat')).toBe(false);
  });

  it('drops malformed notifications (not JSON, not a notification, a foreign target) and goes on', async () => {
    const heard = hear(await t.connect(ann), ['chat.change']);
    t.hosts.h1.notify(new TextEncoder().encode('{not json'));
    t.hosts.h1.notify(new TextEncoder().encode(JSON.stringify({ project: annsProject.id, target: { kind: 'everyone' }, method: 'chat.change', params: {} })));
    t.hosts.h1.notify(new TextEncoder().encode(JSON.stringify({ target: { kind: 'all' }, method: 'chat.change', params: 'text' })));
    t.hosts.h1.notify(change(annsProject.id, 'fine.chat'));
    await waitFor('the good one', () => heard.length === 1);
    expect(heard[0].params.path).toBe('fine.chat');
    t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [] } }));
    expect(await (await t.connect(ann)).call('chat.list', { project: annsProject.id })).toEqual({ chats: [] });
  });

  it('drops a notification too deeply nested to send, also while its members load, and goes on in order', async () => {
    const fresh = await t.project('Ann fresh', ann, 'h1'); // its member cache is not loaded yet: the relay waits for it
    const heard = hear(await t.connect(ann), ['chat.change']);
    const depth = 100_000;
    const deep = `{"project":"${fresh.id}","target":{"kind":"all"},"method":"chat.change","params":{"project":"${fresh.id}","rows":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    t.hosts.h1.notify(new TextEncoder().encode(deep));
    t.hosts.h1.notify(change(fresh.id, 'after-deep.chat'));
    await waitFor('the one after', () => heard.length === 1);
    expect(heard[0].params.path).toBe('after-deep.chat');
  });

  it("takes in what a host learned of the agents (its agents.change), so agents.list says it too; the browsers hear it once", async () => {
    const client = await t.connect(ann);
    const heard = hear(client, ['agents.change', 'chat.change']);
    const model = { type: 'select', id: 'model', name: 'Model', currentValue: 'demo-1', options: [{ value: 'demo-1', name: 'Demo 1' }] };
    const before = (await client.call('agents.list', {})).agents.find((agent) => agent.id === 'demo')!;
    expect(before.configOptions).toEqual([]);
    t.hosts.h1.notify({ target: { kind: 'all' }, method: 'agents.change', params: { agents: [{ ...before, configOptions: [model] }] } });
    await waitFor('agents.change', () => heard.length === 1);
    expect((await client.call('agents.list', {})).agents.find((agent) => agent.id === 'demo')?.configOptions).toEqual([model]);
    t.hosts.h1.notify(change(annsProject.id, 'marker.chat'));
    await waitFor('the marker', () => heard.some((entry) => entry.method === 'chat.change'));
    expect(heard.map((entry) => entry.method)).toEqual(['agents.change', 'chat.change']);
  });

  it('reloads the settings another process saved (NOTIFY) and tells the browsers', async () => {
    const client = await t.connect(ann);
    const changes: unknown[] = [];
    client.on('settings.change', (params) => changes.push(params.settings));
    await saveSettings(t.db, { ...DEFAULT_HUB_SETTINGS, codex_enabled: !DEFAULT_HUB_SETTINGS.codex_enabled });
    await waitFor('settings.change', () => changes.length === 1);
    expect(changes[0]).toMatchObject({ codex_enabled: !DEFAULT_HUB_SETTINGS.codex_enabled });
    expect((await client.call('settings.get', {})).settings.codex_enabled).toBe(!DEFAULT_HUB_SETTINGS.codex_enabled);
  });
});
