// Multiuser vs lite, side by side in one run, real hubs and real WebSocket clients on loopback:
// - login + open a project chat: multiuser = POST /login (scrypt), WebSocket connect with the session
//   cookie, projects.list, chat.open in one of the account's projects (20 accounts, 50 projects on
//   PGlite); lite = the token URL (its cookie), WebSocket connect, projects.list, chat.open;
// - a turn event reaching a member's client: time from appending the event to the project's turn
//   log on the hub to the member's `turn.event` callback (multiuser: every account connected, the
//   member-only delivery and the audit observer on the path; lite: one client).
import { request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createAcpApi, scopeApiToProject, type AcpApi } from '../src/acp-api/index.js';
import { createNodeWebSocketTransport } from '../src/acp-api/node.js';
import { startTestHub } from '../src/hub/hub-test-helpers.js';
import type { TurnLogStore } from '../src/hub/types.js';
import type { Account, Project } from '../src/multiuser/db/index.js';
import { startTestMultiuserHub, type TestMultiuserHub } from '../src/multiuser/hub/testing/multiuser-test-hub.js';
import { median, percentile } from './support/statistics.js';

const ACCOUNTS = 20;
const PROJECTS = 50;
const CHAT = 'bench.chat';
const EVENTS = 300;
const WARMUP_EVENTS = 20;

type Opened = { loginMs: number; connectListMs: number; openMs: number; totalMs: number };

const ms = (value: number) => `${value.toFixed(1)} ms`;

function summary(samples: Opened[], key: keyof Opened): number {
  return median(samples.map((sample) => sample[key]));
}

/** GET `target`; the `name=value` of the first Set-Cookie line. */
function cookieOf(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path: target, headers: { Accept: 'text/html' } }, (incoming) => {
      incoming.resume();
      const line = [incoming.headers['set-cookie'] ?? []].flat()[0];
      if (!line) reject(new Error(`GET ${target.replace(/token=[^&]+/, 'token=…')}: no cookie (${incoming.statusCode})`));
      else resolve(line.split(';')[0]);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function socketClient(port: number, cookie: string): AcpApi {
  const headers = { Origin: `http://127.0.0.1:${port}`, Cookie: cookie };
  return createAcpApi(createNodeWebSocketTransport(`ws://127.0.0.1:${port}/api/ws`, { headers }));
}

/** Appends events to a subscribed turn one at a time; the append-to-callback times after the warm-up. */
async function eventLatencies(turnLogs: TurnLogStore, client: AcpApi, turnId: string): Promise<number[]> {
  const sentAt: number[] = [];
  const latencies: number[] = [];
  let delivered: (() => void) | undefined;
  const subscription = client.subscribeTurn(turnId, 0, (event) => {
    latencies.push(performance.now() - sentAt[event.seq]);
    delivered?.();
  });
  await client.call('settings.get', {}); // connected; the subscription went first on the socket
  for (let index = 0; index < EVENTS + WARMUP_EVENTS; index += 1) {
    const arrived = new Promise<void>((resolve) => (delivered = resolve));
    sentAt[index] = performance.now();
    turnLogs.append(turnId, {
      t: Date.now(),
      type: 'update',
      update: { sessionUpdate: 'agent_message_chunk', messageId: 'm1', content: { type: 'text', text: `chunk ${index} ` } },
    } as never);
    await arrived;
  }
  subscription();
  return latencies.slice(WARMUP_EVENTS);
}

/** 20 accounts, 50 projects (each owned by one account, two more as collaborators), a chat in each. */
async function populate(t: TestMultiuserHub): Promise<{ accounts: Account[]; projects: Project[] }> {
  const accounts: Account[] = [];
  for (let index = 0; index < ACCOUNTS; index += 1) accounts.push(await t.person(`user${index}@example.com`, `User ${index}`));
  const projects: Project[] = [];
  for (let index = 0; index < PROJECTS; index += 1) {
    const owner = accounts[index % ACCOUNTS];
    const others = [accounts[(index + 1) % ACCOUNTS], accounts[(index + 7) % ACCOUNTS]];
    projects.push(await t.project(`Project ${index}`, owner, others.map((account) => [account, 'collaborator'])));
  }
  // Every project's chat made by its owner (this also creates the project scope, as the first use would).
  const ownerCookies = new Map<string, string>();
  for (const [index, project] of projects.entries()) {
    const owner = accounts[index % ACCOUNTS];
    if (!ownerCookies.has(owner.id)) ownerCookies.set(owner.id, await t.login(owner.email));
    const client = t.connect(ownerCookies.get(owner.id));
    await scopeApiToProject(client, project.id).call('chat.create', { path: CHAT });
    client.close();
  }
  return { accounts, projects };
}

async function multiuserSide(): Promise<{ opened: Opened[]; events: number[]; listed: number }> {
  const t = await startTestMultiuserHub('pglite');
  const open: AcpApi[] = [];
  try {
    const { accounts, projects } = await populate(t);
    const opened: Opened[] = [];
    let listed = 0;
    for (const account of accounts) {
      const start = performance.now();
      const cookie = await t.login(account.email);
      const loggedIn = performance.now();
      const client = t.connect(cookie);
      const { projects: mine } = await client.call('projects.list', {});
      const listedAt = performance.now();
      await scopeApiToProject(client, mine[0].id).call('chat.open', { path: CHAT });
      const end = performance.now();
      listed += mine.length;
      opened.push({ loginMs: loggedIn - start, connectListMs: listedAt - loggedIn, openMs: end - listedAt, totalMs: end - start });
      open.push(client); // every account stays connected for the event part
    }
    // A turn in project 0, watched by one of its members (account 1) while the other 19 are connected.
    const project = projects[0];
    const scope = await t.hub.scopes.scopeOf(project.id);
    if (!scope) throw new Error('no scope for the bench project');
    scope.turnLogs.create('bench-turn', { path: CHAT, threadKey: '1', createdAt: new Date().toISOString() });
    const events = await eventLatencies(scope.turnLogs, scopeApiToProject(open[1], project.id), 'bench-turn');
    return { opened, events, listed: listed / accounts.length };
  } finally {
    for (const client of open) client.close();
    await t.dispose();
  }
}

async function liteSide(): Promise<{ opened: Opened[]; events: number[] }> {
  const hub = await startTestHub();
  const clients: AcpApi[] = [];
  try {
    await hub.documents.create(CHAT);
    const opened: Opened[] = [];
    for (let index = 0; index < ACCOUNTS; index += 1) {
      const start = performance.now();
      const cookie = await cookieOf(hub.port, `/?token=${encodeURIComponent(hub.token)}`);
      const loggedIn = performance.now();
      const client = socketClient(hub.port, cookie);
      await client.call('projects.list', {});
      const listedAt = performance.now();
      await client.call('chat.open', { path: CHAT });
      const end = performance.now();
      opened.push({ loginMs: loggedIn - start, connectListMs: listedAt - loggedIn, openMs: end - listedAt, totalMs: end - start });
      clients.push(client);
    }
    hub.turnLogs.create('bench-turn', { path: CHAT, threadKey: '1', createdAt: new Date().toISOString() });
    const events = await eventLatencies(hub.turnLogs, clients[1], 'bench-turn');
    return { opened, events };
  } finally {
    for (const client of clients) client.close();
    await hub.dispose();
  }
}

export default async function multiuserBench(): Promise<void> {
  const lite = await liteSide();
  const multiuser = await multiuserSide();
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
  const row = (label: string, key: keyof Opened) =>
    `  ${label}: multiuser ${ms(summary(multiuser.opened, key))} vs lite ${ms(summary(lite.opened, key))} (${ratio(summary(multiuser.opened, key), summary(lite.opened, key))})`;
  console.log(`login + open a project chat (${ACCOUNTS} accounts, ${PROJECTS} projects on PGlite, ~${multiuser.listed.toFixed(1)} projects each; medians of ${ACCOUNTS}):`);
  console.log(row('total', 'totalMs'));
  console.log(row('login (POST /login vs token URL)', 'loginMs'));
  console.log(row('WebSocket connect + projects.list', 'connectListMs'));
  console.log(row('chat.open', 'openMs'));
  const eventMedian = { multiuser: median(multiuser.events), lite: median(lite.events) };
  console.log(
    `turn event append -> member's client: multiuser median ${eventMedian.multiuser.toFixed(2)} ms, p99 ${percentile(multiuser.events, 0.99).toFixed(2)} ms` +
      ` vs lite median ${eventMedian.lite.toFixed(2)} ms, p99 ${percentile(lite.events, 0.99).toFixed(2)} ms (${ratio(eventMedian.multiuser, eventMedian.lite)}; ${EVENTS} events each)`,
  );
}
