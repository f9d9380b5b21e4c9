import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeApiToProject, type AcpApi } from '../../acp-api/index.js';
import { scriptedCodexConfig, startScriptedResponsesServer, type ScriptedResponsesServer } from '../../agents/testing/scripted-responses-server.js';
import { waitFor } from '../../hub/hub-test-helpers.js';
import type { Row, TurnEvent } from '../../protocol/index.js';
import type { Account, Project } from '../db/index.js';
import { startTestMultiuserHub, type TestMultiuserHub } from '../hub/testing/multiuser-test-hub.js';

const CHAT = 'keys.chat';
const FINAL = new Set(['completed', 'cancelled', 'failed', 'interrupted']);
const ANN_KEY = 'sk-ann-multiuser-4c5d6e7f';
const BO_KEY = 'sk-bo-multiuser-8a9b0c1d';

describe('per-user credentials through the multiuser hub (login, WebSocket, real codex-acp on a scripted model)', () => {
  let t: TestMultiuserHub;
  let server: ScriptedResponsesServer;
  let envHome: string;
  let project: Project;
  const api: Record<'ann' | 'bo' | 'cy', { raw: AcpApi; scoped: AcpApi }> = {} as never;

  beforeAll(async () => {
    server = await startScriptedResponsesServer(() => [{ type: 'message', text: 'ok' }]);
    envHome = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-multiuser-keys-home-'));
    mkdirSync(path.join(envHome, '.codex'));
    writeFileSync(path.join(envHome, '.codex', 'config.toml'), scriptedCodexConfig(server.baseUrl));
    t = await startTestMultiuserHub('pglite');
    const people: Record<string, Account> = {
      ann: await t.person('ann@example.com', 'Ann', { admin: true }),
      bo: await t.person('bo@example.com', 'Bo'),
      cy: await t.person('cy@example.com', 'Cy'),
    };
    project = await t.project('Keys', people.ann, [
      [people.bo, 'collaborator'],
      [people.cy, 'collaborator'],
    ]);
    for (const name of ['ann', 'bo', 'cy'] as const) {
      const raw = t.connect(await t.login(people[name].email));
      api[name] = { raw, scoped: scopeApiToProject(raw, project.id) };
    }
    await api.ann.scoped.call('chat.create', { path: CHAT });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
    await server?.close();
    rmSync(envHome, { recursive: true, force: true });
  }, 60_000);

  async function turn(who: keyof typeof api, threadKey: string, text: string): Promise<TurnEvent[]> {
    const { turnId } = await api[who].scoped.call('turn.send', { path: CHAT, threadKey, prompt: [{ type: 'text', text }], userDate: new Date(Number(threadKey) + 1 + Math.floor(Math.random() * 400)).toISOString() });
    const events: TurnEvent[] = [];
    api[who].scoped.subscribeTurn(turnId, 0, (event) => events.push(event));
    await waitFor(`${who}'s turn to end`, () => events.some((event) => event.type === 'status' && FINAL.has(event.state)), 120_000);
    return events;
  }
  const finalState = (events: TurnEvent[]) => events.flatMap((event) => (event.type === 'status' && FINAL.has(event.state) ? [event.state] : []))[0];
  // The distinct keys the model saw for a prompt: codex may send a request twice (a retry on a loaded
  // machine, seen in CI), and every one must carry the same member's key.
  const authorizationOf = (text: string) => [...new Set(server.requests.filter((request) => request.userText.includes(text)).map((request) => request.authorization))];

  it("connected over the WebSocket, each member's turn in one thread reaches the model with that member's key; a member without one gets the sign-in message", async () => {
    const set = await api.ann.raw.call('credentials.set', { agent: 'codex', apiKey: ANN_KEY });
    expect(set.credentials.find((row) => row.agent === 'codex')).toMatchObject({ hasUserKey: true, effective: 'user' });
    expect(JSON.stringify(set)).not.toContain(ANN_KEY);
    await api.bo.raw.call('credentials.set', { agent: 'codex', apiKey: BO_KEY });
    expect((await api.cy.raw.call('credentials.list', {})).credentials.find((row) => row.agent === 'codex')).toMatchObject({ hasUserKey: false, hasSiteKey: false, effective: 'none' });

    const ms = Date.UTC(2026, 5, 1);
    const date = new Date(ms).toISOString();
    const root: Row = { event: 'chat', date, sender_id: 'someone', history: [{ author_id: 'someone', content: 'agent thread', date }], acp_config: { agent: 'codex', envHome, sessionMode: 'workspace-write' } };
    await api.ann.scoped.call('chat.set', { path: CHAT, rows: [root] });
    const threadKey = String(ms);
    expect(finalState(await turn('ann', threadKey, 'from ann'))).toBe('completed');
    expect(authorizationOf('from ann')).toEqual([`Bearer ${ANN_KEY}`]);
    expect(finalState(await turn('bo', threadKey, 'from bo'))).toBe('completed');
    expect(authorizationOf('from bo')).toEqual([`Bearer ${BO_KEY}`]);
    const refused = await turn('cy', threadKey, 'from cy');
    expect(finalState(refused)).toBe('failed');
    expect(refused.filter((event) => event.type === 'error').map((event) => (event as { message: string }).message)).toEqual(['Connect Codex in your account settings.']);
    expect(authorizationOf('from cy')).toEqual([]);
  });

  it('credentials.setSite is refused to a member who is not an admin; the admin sets it and the keyless member then runs on it', async () => {
    const refused = (await api.cy.raw.call('credentials.setSite', { agent: 'codex', apiKey: 'sk-site-by-cy-00000000' }).catch((error: unknown) => error)) as { code: number; message: string };
    expect([refused.code, refused.message]).toEqual([-32001, 'credentials.setSite: Only an admin can set site keys.']); // the client names the method
    const site = await api.ann.raw.call('credentials.setSite', { agent: 'codex', apiKey: 'sk-site-multiuser-2e3f4a5b' });
    expect(JSON.stringify(site)).not.toContain('sk-site-multiuser');
    expect((await api.cy.raw.call('credentials.list', {})).credentials.find((row) => row.agent === 'codex')).toMatchObject({ hasSiteKey: true, effective: 'site' });
    const ms = Date.UTC(2026, 5, 2);
    const date = new Date(ms).toISOString();
    await api.cy.scoped.call('chat.set', { path: CHAT, rows: [{ event: 'chat', date, sender_id: 'someone', history: [{ author_id: 'someone', content: 'agent thread', date }], acp_config: { agent: 'codex', envHome, sessionMode: 'workspace-write' } }] });
    expect(finalState(await turn('cy', String(ms), 'cy on the site key'))).toBe('completed');
    expect(authorizationOf('cy on the site key')).toEqual(['Bearer sk-site-multiuser-2e3f4a5b']);
  });
});
