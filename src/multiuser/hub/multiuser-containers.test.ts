import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeApiToProject, type AcpApi } from '../../acp-api/index.js';
import { startScriptedResponsesServer, type ScriptedResponsesServer } from '../../agents/testing/scripted-responses-server.js';
import { containerOwner } from '../../hub/containers/index.js';
import { containerCodexHome, containerScript, TEST_KEY } from '../../hub/containers/testing/codex-in-container.js';
import { containersOf, prepareTestRootfs, testContainerSettings, usePodmanConf } from '../../hub/containers/testing/container-hub.js';
import { CHAT_PATH, createThread, sendText, updatesOf, watchTurn } from '../../hub/turns/testing/turn-test-helpers.js';
import type { Account, Project } from '../db/index.js';
import { startTestMultiuserHub, type TestMultiuserHub } from './testing/multiuser-test-hub.js';

usePodmanConf();

/** Everything a turn's commands printed (the demo's ls and codex's exec stream it the same way). */
function outputOf(events: Parameters<typeof updatesOf>[0]): string {
  return updatesOf(events, 'tool_call_update')
    .map((update) => (update._meta as { terminal_output?: { data: string } } | undefined)?.terminal_output?.data ?? '')
    .join('');
}

describe('multiuser hub with project containers (real podman, PGlite)', () => {
  const prepared = prepareTestRootfs();
  let t: TestMultiuserHub;
  let server: ScriptedResponsesServer;
  let envHome: string;
  let projectA: Project, projectB: Project;
  let ann: AcpApi, bo: AcpApi;
  let owner: string;

  beforeAll(async () => {
    server = await startScriptedResponsesServer(containerScript);
    envHome = containerCodexHome(server.baseUrl);
    t = await startTestMultiuserHub('pglite', { containers: testContainerSettings(prepared.rootfs) });
    owner = containerOwner(realpathSync(t.hub.dataDir));
    const annAccount: Account = await t.person('ann@example.com', 'Ann', { admin: true });
    const boAccount: Account = await t.person('bo@example.com', 'Bo');
    projectA = await t.project('Alpha', annAccount);
    projectB = await t.project('Beta', boAccount);
    ann = scopeApiToProject(t.connect(await t.login(annAccount.email)), projectA.id);
    bo = scopeApiToProject(t.connect(await t.login(boAccount.email)), projectB.id);
    for (const client of [ann, bo]) await client.call('chat.create', { path: CHAT_PATH });
    writeFileSync(path.join(projectA.folder, 'alpha-only.txt'), 'A\n');
    writeFileSync(path.join(projectB.folder, 'beta-secret.txt'), 'B only\n');
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
    await server?.close();
    prepared.remove();
  }, 120_000);

  it("two accounts in two projects run turns at once, each in its own project's container, seeing only its own folder", async () => {
    const turns = await Promise.all(
      [ann, bo].map(async (client) => {
        const threadKey = await createThread(client, { agent: 'demo', sessionMode: 'full-access' });
        const { turnId } = await sendText(client, threadKey, 'command');
        return watchTurn(client, turnId);
      }),
    );
    // Both containers exist while both turns run or right after (idle stop is a minute away).
    expect(await Promise.all(turns.map((turn) => turn.done(120_000)))).toEqual(['completed', 'completed']);
    expect(await containersOf(owner)).toEqual([`codex-chat-${projectA.id}-full-access`, `codex-chat-${projectB.id}-full-access`]);
    const [listingA, listingB] = turns.map((turn) => outputOf(turn.events));
    expect(listingA).toContain('alpha-only.txt');
    expect(listingA).not.toContain('beta-secret.txt');
    expect(listingB).toContain('beta-secret.txt');
    expect(listingB).not.toContain('alpha-only.txt');
  }, 180_000);

  it('settings.get tells an admin the container settings, and no one else', async () => {
    expect((await ann.call('settings.get', {})).containers).toEqual({ mode: 'podman', rootfs: prepared.rootfs, network: 'host-loopback', memory: '1g', pids: 256, cpus: 1, idleStopSeconds: 60 });
    expect((await bo.call('settings.get', {})).containers).toBeUndefined();
  });

  it("a command an agent runs in project A's container cannot see project B's folder (real codex-acp, scripted model)", async () => {
    expect((await ann.call('credentials.set', { agent: 'codex', apiKey: TEST_KEY })).credentials.length).toBeGreaterThan(0);
    const other = realpathSync(projectB.folder);
    const probes = [
      `if test -e ${other}; then echo see-b-folder=yes; else echo see-b-folder=no; fi`,
      `if cat ${path.join(other, 'beta-secret.txt')} >/dev/null 2>&1; then echo read-b-file=yes; else echo read-b-file=no; fi`,
      `if test -e /project/alpha-only.txt; then echo see-own-file=yes; else echo see-own-file=no; fi`,
    ].join('; ');
    const threadKey = await createThread(ann, { agent: 'codex', sessionMode: 'full-access', envHome });
    const { turnId } = await sendText(ann, threadKey, `run: ${probes}`);
    const turn = watchTurn(ann, turnId);
    expect(await turn.done(120_000)).toBe('completed');
    const output = outputOf(turn.events);
    expect(Object.fromEntries([...output.matchAll(/([a-z-]+)=(yes|no)/g)].map((match) => [match[1], match[2]]))).toEqual({ 'see-b-folder': 'no', 'read-b-file': 'no', 'see-own-file': 'yes' });
    expect(await containersOf(owner)).toContain(`codex-chat-${projectA.id}-full-access`);
  }, 180_000);

  it('hub close leaves no container behind', async () => {
    expect((await containersOf(owner)).length).toBeGreaterThan(0);
    await t.hub.close();
    expect(await containersOf(owner)).toEqual([]);
  }, 60_000);
});
