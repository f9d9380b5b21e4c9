// The front hub under test with real parts around it: a throwaway Postgres server (LISTEN/NOTIFY),
// the cluster's nats-server (users and permissions), stand-in hosts with their own NATS users, and
// members who log in over HTTP and talk over real WebSockets.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AcpApi } from '../../../acp-api/index.js';
import { hashPassword } from '../../../multiuser/auth/index.js';
import { loadSecretKey } from '../../../multiuser/credentials/index.js';
import { addAccount, addMember, addProject, moveProject, setPassword, touchHost, type Account, type Project } from '../../../multiuser/db/index.js';
import { startPostgresServer } from '../../../multiuser/testing/postgres-server.js';
import type { ProjectRole } from '../../../protocol/index.js';
import { deriveCallerSigningKey } from '../../caller-signature.js';
import { readNatsCredentials } from '../../nats-connection.js';
import { connectTo, logInAt } from '../../testing/front-session.js';
import { startNatsServer } from '../../testing/nats-server.js';
import { startFrontHub } from '../front-hub.js';
import { startStandInHost, type StandInHost } from './stand-in-host.js';

const PASSWORD = 'correct horse battery staple';

export async function startFrontTestKit(hostIds: string[]) {
  const base = await mkdtemp(path.join(os.tmpdir(), 'codex-chat-front-'));
  const postgres = await startPostgresServer();
  const nats = await startNatsServer({ hosts: hostIds });
  const dataDir = path.join(base, 'data');
  const signingKey = deriveCallerSigningKey(loadSecretKey(dataDir));
  const hosts: Record<string, StandInHost> = {};
  // Before the front starts, so they hear its hello.
  for (const id of hostIds) hosts[id] = await startStandInHost({ id, natsUrl: nats.url, credentialsFile: nats.credentialsFile(id), signingKey });
  const front = await startFrontHub({
    natsUrl: nats.url,
    natsCredentials: readNatsCredentials(nats.credentialsFile('front')),
    database: await postgres.createDatabase(),
    dataDir,
    appDir: path.join(base, 'no-app'),
  });
  const { db } = front;
  for (const id of hostIds) await touchHost(db, { id, startedAt: new Date().toISOString() });
  const origin = `http://127.0.0.1:${front.port}`;
  const clients: AcpApi[] = [];

  return {
    front,
    db,
    hosts,
    nats,
    /** The cluster's caller signing key (from the front's secret.key). */
    signingKey,
    origin,
    async person(email: string, name: string): Promise<Account> {
      const account = await addAccount(db, { email, name });
      await setPassword(db, account.id, await hashPassword(PASSWORD));
      return account;
    },
    /** A project owned by `owner` with more members, on `hostId` (null: not placed). */
    async project(name: string, owner: Account, hostId: string | null, members: Array<[Account, ProjectRole]> = []): Promise<Project> {
      const project = await addProject(db, { name, ownerId: owner.id, folder: (id) => path.join(base, 'projects', id) });
      for (const [account, role] of members) await addMember(db, { projectId: project.id, accountId: account.id, role });
      if (hostId) await moveProject(db, project.id, hostId);
      return project;
    },
    /** A logged-in WebSocket client of the front, connected (it hears notifications from now on). */
    async connect(account: Account): Promise<AcpApi> {
      const client = connectTo(origin, await logInAt(origin, account.email, PASSWORD));
      clients.push(client);
      await client.call('settings.get', {});
      return client;
    },
    async dispose(): Promise<void> {
      for (const client of clients.splice(0)) client.close();
      await front.close();
      for (const host of Object.values(hosts)) await host.close();
      await nats.stop();
      await postgres.stop();
      await rm(base, { recursive: true, force: true });
    },
  };
}

export type FrontTestKit = Awaited<ReturnType<typeof startFrontTestKit>>;
