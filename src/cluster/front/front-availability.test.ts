import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcpApi } from '../../acp-api/index.js';
import { waitFor } from '../../hub/hub-test-helpers.js';
import type { Account, Project } from '../../multiuser/db/index.js';
import type { AcpApiNotifications } from '../../protocol/index.js';
import { connectCluster, readNatsCredentials } from '../nats-connection.js';
import { createHostAvailability } from './host-availability.js';
import { createHostCaller } from './host-call.js';
import { startFrontTestKit, type FrontTestKit } from './testing/front-test-kit.js';

type HostNotice = AcpApiNotifications['project.host'];

function hearHosts(client: AcpApi): HostNotice[] {
  const heard: HostNotice[] = [];
  client.on('project.host', (params) => heard.push(params));
  return heard;
}

const down = (project: string, host: string): HostNotice => ({ project, host: { id: host, available: false, reason: `project host ${host} unavailable` } });
const up = (project: string, host: string): HostNotice => ({ project, host: { id: host, available: true } });

describe('the front hub follows which project hosts it can reach', () => {
  let t: FrontTestKit;
  let ann: Account, bo: Account;
  let onH1: Project, onH2: Project;
  let annClient: AcpApi, boClient: AcpApi;
  let annHeard: HostNotice[], boHeard: HostNotice[];

  beforeAll(async () => {
    t = await startFrontTestKit(['h1', 'h2']);
    [ann, bo] = await Promise.all([t.person('ann@example.com', 'Ann'), t.person('bo@example.com', 'Bo')]);
    onH1 = await t.project('Ann on one', ann, 'h1', [[bo, 'viewer']]);
    onH2 = await t.project('Ann on two', ann, 'h2');
    [annClient, boClient] = [await t.connect(ann), await t.connect(bo)];
    [annHeard, boHeard] = [hearHosts(annClient), hearHosts(boClient)];
    for (const host of Object.values(t.hosts)) host.answerWith(() => ({ ok: true, result: { chats: [] } }));
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  }, 60_000);

  it("fails a call at once when nobody serves the host's subject, tells its projects' members, and says it is back at its next heartbeat", async () => {
    await annClient.call('chat.list', { project: onH2.id });
    annHeard.length = boHeard.length = 0;
    await t.hosts.h2.die();
    await expect(annClient.call('chat.list', { project: onH2.id })).rejects.toMatchObject({ code: -32007, message: 'chat.list: project host h2 unavailable' });
    await waitFor('the notice', () => annHeard.length === 1);
    expect(annHeard).toEqual([down(onH2.id, 'h2')]);
    expect((await annClient.call('projects.list', {})).projects.find((project) => project.id === onH2.id)?.host).toEqual(down(onH2.id, 'h2').host);

    await t.hosts.h2.revive();
    await waitFor('the host back', () => annHeard.length === 2);
    expect(annHeard[1]).toEqual(up(onH2.id, 'h2'));
    expect(await annClient.call('chat.list', { project: onH2.id })).toEqual({ chats: [] });
    expect((await annClient.call('projects.list', {})).projects.find((project) => project.id === onH2.id)?.host).toEqual({ id: 'h2', available: true });
    expect(boHeard).toEqual([]); // not a member of the project on h2
  });

  it('takes a host as gone when its heartbeats stop: its calls then fail at once, without a message to it', async () => {
    annHeard.length = boHeard.length = 0;
    t.hosts.h1.stopHeartbeat();
    await waitFor('the notices', () => annHeard.length === 1 && boHeard.length === 1, 20_000);
    expect(annHeard).toEqual([down(onH1.id, 'h1')]);
    expect(boHeard).toEqual([down(onH1.id, 'h1')]);
    const before = t.hosts.h1.calls.length;
    await expect(boClient.call('chat.list', { project: onH1.id })).rejects.toMatchObject({ code: -32007, message: 'chat.list: project host h1 unavailable' });
    expect(t.hosts.h1.calls.length).toBe(before); // h1 still serves, but the front did not ask it

    t.hosts.h1.startHeartbeat();
    await waitFor('the host back', () => boHeard.length === 2);
    expect(boHeard[1]).toEqual(up(onH1.id, 'h1'));
    expect(await boClient.call('chat.list', { project: onH1.id })).toEqual({ chats: [] });
  });

  it('takes a new startedAt as a restart: gone, then back', async () => {
    boHeard.length = 0;
    await t.hosts.h1.die();
    await t.hosts.h1.revive(true);
    await waitFor('down and up', () => boHeard.length === 2);
    expect(boHeard).toEqual([down(onH1.id, 'h1'), up(onH1.id, 'h1')]);
  });

  it('takes every host as gone while NATS is disconnected, and each as back at its next heartbeat after the reconnect', async () => {
    annHeard.length = 0;
    await t.nats.restart();
    await waitFor('both hosts down and up', () => annHeard.filter((notice) => notice.host.available).length === 2, 30_000);
    expect(annHeard.filter((notice) => !notice.host.available)).toEqual(expect.arrayContaining([down(onH1.id, 'h1'), down(onH2.id, 'h2')]));
    expect(annHeard.filter((notice) => notice.host.available)).toEqual(expect.arrayContaining([up(onH1.id, 'h1'), up(onH2.id, 'h2')]));
    await waitFor('calls go through again', () => annClient.call('chat.list', { project: onH1.id }).then(() => true, () => false));
  });

  it('fails a call in flight at once when its host is seen gone, not at the call timeout', async () => {
    t.hosts.h1.answerWith(() => new Promise(() => undefined));
    const before = t.hosts.h1.calls.length;
    try {
      const inFlight = boClient.call('chat.list', { project: onH1.id });
      const failed = expect(inFlight).rejects.toMatchObject({ code: -32007, message: 'chat.list: project host h1 unavailable' });
      await waitFor('the call at h1', () => t.hosts.h1.calls.length > before);
      t.hosts.h1.stopHeartbeat();
      await failed; // the call timeout is 15 s, more than this test's
    } finally {
      t.hosts.h1.startHeartbeat();
      t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [] } }));
    }
    await waitFor('calls go through again', () => boClient.call('chat.list', { project: onH1.id }).then(() => true, () => false));
  }, 12_000);

  it("says hello again to a host that is back, which may have missed the front's start while away (its clients of an earlier front would leak)", async () => {
    const hellos = () => t.hosts.h1.frontEvents.filter((event) => event.kind === 'hello' && event.frontId === t.front.frontId).length;
    const before = hellos();
    boHeard.length = 0;
    t.hosts.h1.stopHeartbeat();
    await waitFor('h1 gone', () => boHeard.length === 1, 20_000);
    t.hosts.h1.startHeartbeat();
    await waitFor('hello again', () => hellos() > before);
    await waitFor('h1 back', () => boHeard.length === 2);
    expect(boHeard[1]).toEqual(up(onH1.id, 'h1'));
  });

  it('fails a call the host does not answer within the call timeout, saying so', async () => {
    const nc = await connectCluster({ url: t.nats.url, credentials: readNatsCredentials(t.nats.credentialsFile('front')), name: 'test caller' });
    const availability = createHostAvailability({ onTransition: () => undefined });
    try {
      const call = createHostCaller({ nc, signingKey: t.signingKey, frontId: 'test', availability, timeoutMs: 1_000 });
      t.hosts.h1.answerWith(() => new Promise(() => undefined));
      await expect(call('h1', 'chat.list', { project: onH1.id }, { clientId: 'c1', accountId: ann.id, isAdmin: false })).rejects.toMatchObject({ code: -32007, message: 'project host h1 unavailable (no answer in 1 s)' });
    } finally {
      availability.stop();
      t.hosts.h1.answerWith(() => ({ ok: true, result: { chats: [] } }));
      await nc.close();
    }
  });
});
