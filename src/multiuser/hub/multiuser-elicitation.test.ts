// URL elicitation on the real multiuser hub (PGlite): the demo agent's device-code sign-in goes to
// the account that started the turn only, not to another member of the project nor to anyone else,
// and only that account can answer it (elicitation.respond is a hub-level method).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeApiToProject } from '../../acp-api/index.js';
import { DEMO_REQUIRE_SIGN_IN_ENV } from '../../agents/demo/device-code-sign-in.js';
import { waitFor } from '../../hub/hub-test-helpers.js';
import type { ElicitationRequest, Row, TurnEvent } from '../../protocol/index.js';
import type { Account, Project } from '../db/index.js';
import { startTestMultiuserHub, type TestMultiuserHub } from './testing/multiuser-test-hub.js';

const CHAT = 'team.chat';

describe('URL elicitation in multiuser mode', () => {
  let t: TestMultiuserHub;
  let ann: Account, dee: Account, bo: Account;
  let project: Project;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    process.env[DEMO_REQUIRE_SIGN_IN_ENV] = '1';
    t = await startTestMultiuserHub('pglite');
    [ann, dee, bo] = await Promise.all([t.person('ann@example.com', 'Ann'), t.person('dee@example.com', 'Dee'), t.person('bo@example.com', 'Bo')]);
    project = await t.project('Shared', ann, [[dee, 'collaborator']]);
    await t.project('Elsewhere', bo);
    for (const [name, account] of Object.entries({ ann, dee, bo })) cookies[name] = await t.login(account.email);
  }, 120_000);
  afterAll(async () => {
    delete process.env[DEMO_REQUIRE_SIGN_IN_ENV];
    await t?.dispose();
  }, 60_000);

  it("reaches only the tabs of the account that started the turn; another member's answer is refused; the owner's accept lets the turn go on", async () => {
    const [annRaw, deeRaw, boRaw] = [t.connect(cookies.ann), t.connect(cookies.dee), t.connect(cookies.bo)];
    const heard = { ann: [] as ElicitationRequest[], dee: [] as ElicitationRequest[], bo: [] as ElicitationRequest[] };
    annRaw.on('elicitation.request', (request) => heard.ann.push(request));
    deeRaw.on('elicitation.request', (request) => heard.dee.push(request));
    boRaw.on('elicitation.request', (request) => heard.bo.push(request));
    const annApi = scopeApiToProject(annRaw, project.id);
    const deeApi = scopeApiToProject(deeRaw, project.id);
    await annApi.call('chat.create', { path: CHAT });
    await deeApi.call('chat.open', { path: CHAT });
    await boRaw.call('projects.list', {});
    const ms = Date.UTC(2026, 4, 1);
    const date = new Date(ms).toISOString();
    const root: Row = { event: 'chat', date, sender_id: ann.id, history: [{ author_id: ann.id, content: 'agent thread', date }], acp_config: { agent: 'demo' } };
    await annApi.call('chat.set', { path: CHAT, rows: [root] });
    const { turnId } = await annApi.call('turn.send', { path: CHAT, threadKey: String(ms), prompt: [{ type: 'text', text: 'hello after signing in' }], userDate: new Date(ms + 1).toISOString() });
    const seen: TurnEvent[] = [];
    deeApi.subscribeTurn(turnId, 0, (event) => seen.push(event));

    const request = await waitFor("the elicitation at Ann's tab", () => heard.ann[0]);
    expect(request).toMatchObject({ turnId, agent: 'demo', code: expect.any(String) });
    await expect(deeRaw.call('elicitation.respond', { elicitationId: request.elicitationId, action: 'cancel' })).rejects.toThrow(`no pending elicitation ${request.elicitationId}`);
    await expect(boRaw.call('elicitation.respond', { elicitationId: request.elicitationId, action: 'cancel' })).rejects.toThrow(`no pending elicitation ${request.elicitationId}`);
    await annRaw.call('elicitation.respond', { elicitationId: request.elicitationId, action: 'accept' });
    await waitFor('the turn to complete', () => seen.some((event) => event.type === 'status' && event.state === 'completed'));
    expect(heard.dee).toEqual([]);
    expect(heard.bo).toEqual([]);
  }, 90_000);
});
