// The cluster's nats-server config, checked against the real nats-server: who may connect, who
// may serve and publish which subjects.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, PermissionViolationError, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { connectCluster, readNatsCredentials } from './nats-connection.js';
import { NatsConfigError, writeNatsConfig } from './nats-config.js';
import { CLUSTER_SUBJECTS } from './subjects.js';
import { startNatsServer, type NatsServer } from './testing/nats-server.js';

let server: NatsServer;
const connections: NatsConnection[] = [];

beforeAll(async () => {
  server = await startNatsServer({ hosts: ['h1', 'h2'] });
});
afterAll(async () => {
  for (const connection of connections.splice(0)) await connection.close().catch(() => {});
  await server?.stop();
});

async function connectAs(role: string): Promise<NatsConnection> {
  const connection = await connectCluster({ url: server.url, credentials: readNatsCredentials(server.credentialsFile(role)), name: `test ${role}` });
  connections.push(connection);
  return connection;
}

/** The error a subscription the server refused ends with (after a round trip, so the refusal arrived). */
async function refusalOf(connection: NatsConnection, subscription: Subscription): Promise<unknown> {
  await connection.flush();
  return subscription.closed;
}

function firstSubject(subscription: Subscription): Promise<string> {
  return (async () => {
    for await (const message of subscription) return message.subject;
    return 'none';
  })();
}

describe('nats-server with the cluster config', () => {
  it("delivers the front hub's request to the host serving its call subject", async () => {
    const host = await connectAs('h1');
    const front = await connectAs('front');
    host.subscribe(CLUSTER_SUBJECTS.hostCall('h1'), { callback: (_error, message) => void message.respond(`answer to ${message.string()}`) });
    await host.flush();
    const reply = await front.request(CLUSTER_SUBJECTS.hostCall('h1'), 'ping', { timeout: 5_000 });
    expect(reply.string()).toBe('answer to ping');
  });

  it('carries a 16 MB call and a 40 MB reply (a frame at the limit, a big chat document), over the 1 MB default', async () => {
    const host = await connectAs('h2');
    const front = await connectAs('front');
    const bigReply = 'r'.repeat(40 * 1024 * 1024);
    const serving = host.subscribe(CLUSTER_SUBJECTS.hostCall('h2'), { callback: (_error, message) => void message.respond(`${message.data.length}:${bigReply}`) });
    await host.flush();
    const reply = await front.request(CLUSTER_SUBJECTS.hostCall('h2'), 'c'.repeat(16 * 1024 * 1024), { timeout: 20_000 });
    serving.unsubscribe();
    expect(reply.string().slice(0, 9)).toBe(`${16 * 1024 * 1024}:`);
    expect(reply.data.length).toBe(9 + bigReply.length);
  });

  it('refuses an unknown user, a wrong password and a connection without a user', async () => {
    const front = readNatsCredentials(server.credentialsFile('front'));
    await expect(connect({ servers: server.url, user: 'stranger', pass: front.password, reconnect: false })).rejects.toThrow(/authorization/i);
    await expect(connect({ servers: server.url, user: 'front', pass: 'not-the-password', reconnect: false })).rejects.toThrow(/authorization/i);
    await expect(connect({ servers: server.url, reconnect: false })).rejects.toThrow(/authorization/i);
  });

  it("does not let host h1 serve host h2's calls", async () => {
    const host = await connectAs('h1');
    const refused = await refusalOf(host, host.subscribe(CLUSTER_SUBJECTS.hostCall('h2')));
    expect(refused).toBeInstanceOf(PermissionViolationError);
    expect((refused as PermissionViolationError).subject).toBe(CLUSTER_SUBJECTS.hostCall('h2'));
  });

  it("does not let host h1 publish host h2's notifications or heartbeats", async () => {
    const front = await connectAs('front');
    const host = await connectAs('h1');
    const notifications = front.subscribe(CLUSTER_SUBJECTS.anyHostNotify, { max: 1 });
    const heartbeats = front.subscribe(CLUSTER_SUBJECTS.anyHostAlive, { max: 1 });
    await front.flush();
    const firstNotification = firstSubject(notifications);
    const firstHeartbeat = firstSubject(heartbeats);
    // One publisher's messages reach a subscriber in order: had h2's been let through, they would come first.
    host.publish(CLUSTER_SUBJECTS.hostNotify('h2'), 'forged');
    host.publish(CLUSTER_SUBJECTS.hostAlive('h2'), 'forged');
    host.publish(CLUSTER_SUBJECTS.hostNotify('h1'), 'own');
    host.publish(CLUSTER_SUBJECTS.hostAlive('h1'), 'own');
    await host.flush();
    expect(await firstNotification).toBe(CLUSTER_SUBJECTS.hostNotify('h1'));
    expect(await firstHeartbeat).toBe(CLUSTER_SUBJECTS.hostAlive('h1'));
  });

  it("does not let the front hub serve a host's call subject", async () => {
    const front = await connectAs('front');
    const refused = await refusalOf(front, front.subscribe(CLUSTER_SUBJECTS.hostCall('h1')));
    expect(refused).toBeInstanceOf(PermissionViolationError);
  });

  it('keeps working for clients across a nats-server restart on the same port', async () => {
    const host = await connectAs('h2');
    const front = await connectAs('front');
    host.subscribe(CLUSTER_SUBJECTS.hostCall('h2'), { callback: (_error, message) => void message.respond('still here') });
    await host.flush();
    const port = server.port;
    await server.restart();
    expect(server.port).toBe(port);
    // The client re-makes the subscription after reconnecting; retry until both sides are back.
    let reply: string | undefined;
    while (reply === undefined) {
      reply = await front.request(CLUSTER_SUBJECTS.hostCall('h2'), 'ping', { timeout: 1_000 }).then((message) => message.string(), () => undefined);
      if (reply === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(reply).toBe('still here');
  });
});

describe('writeNatsConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-nats-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the config and one credentials file per process, all 0600', async () => {
    const written = await writeNatsConfig({ hosts: ['h1', 'h2'], outDir: dir });
    expect(Object.keys(written.credentialsFiles)).toEqual(['front', 'host-h1', 'host-h2']);
    for (const file of [written.configFile, ...Object.values(written.credentialsFiles)]) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readNatsCredentials(path.join(dir, 'host-h2.json')).user).toBe('host-h2');
    const config = readFileSync(written.configFile, 'utf8');
    expect(config).toContain('listen: "127.0.0.1:4222"');
    // Hashes only: no plain password of any process is in the config.
    for (const file of Object.values(written.credentialsFiles)) expect(config).not.toContain(readNatsCredentials(file).password);
  });

  it('keeps existing credentials when run again with more hosts', async () => {
    await writeNatsConfig({ hosts: ['h1'], outDir: dir });
    const before = readNatsCredentials(path.join(dir, 'host-h1.json'));
    const again = await writeNatsConfig({ hosts: ['h1', 'h3'], outDir: dir, listen: '0.0.0.0:4333' });
    expect(again.kept).toEqual(['front', 'host-h1']);
    expect(readNatsCredentials(path.join(dir, 'host-h1.json'))).toEqual(before);
    expect(readNatsCredentials(path.join(dir, 'host-h3.json')).user).toBe('host-h3');
    expect(readFileSync(again.configFile, 'utf8')).toContain('listen: "0.0.0.0:4333"');
  });

  it('refuses bad host ids, duplicates, no hosts and a bad listen address', async () => {
    await expect(writeNatsConfig({ hosts: ['h1', 'H.2'], outDir: dir })).rejects.toThrow(/"H.2" is not a host id/);
    await expect(writeNatsConfig({ hosts: ['h1', 'h1'], outDir: dir })).rejects.toThrow(/host h1 is named twice/);
    await expect(writeNatsConfig({ hosts: [], outDir: dir })).rejects.toThrow(NatsConfigError);
    await expect(writeNatsConfig({ hosts: ['h1'], outDir: dir, listen: 'localhost' })).rejects.toThrow(/--listen must be HOST:PORT/);
  });
});
