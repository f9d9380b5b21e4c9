// A real multiuser hub for tests and benchmarks: fresh data dir, PGlite or a throwaway Postgres
// database, the demo-capable turn service, people with passwords, projects, real logins over
// POST /login and real WebSocket clients carrying the session cookie.
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createAcpApi, type AcpApi } from '../../../acp-api/index.js';
import { createNodeWebSocketTransport } from '../../../acp-api/node.js';
import { createTurnService } from '../../../hub/turns/index.js';
import type { ProjectRole } from '../../../protocol/index.js';
import { hashPassword } from '../../auth/index.js';
import { addAccount, addMember, addProject, setPassword, type Account, type Project } from '../../db/index.js';
import { acquirePostgresServer, releasePostgresServer, type TestDatabaseKind } from '../../testing/test-databases.js';
import { startMultiuserHub, type MultiuserHubOptions } from '../multiuser-hub.js';

export type HttpAnswer = { status: number; headers: IncomingHttpHeaders; body: string };

const PASSWORD = 'correct horse battery staple';

export async function startTestMultiuserHub(kind: TestDatabaseKind, options: Partial<MultiuserHubOptions> = {}) {
  const base = await mkdtemp(path.join(os.tmpdir(), 'codex-chat-multiuser-'));
  const database = kind === 'postgres' ? await (await acquirePostgresServer()).createDatabase() : undefined;
  const hub = await startMultiuserHub({ dataDir: path.join(base, 'data'), database, appDir: path.join(base, 'no-app'), turnService: createTurnService, ...options });
  const origin = `http://127.0.0.1:${hub.port}`;
  const clients: AcpApi[] = [];

  function http(method: string, target: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port: hub.port, method, path: target, headers: options.headers }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  }

  /** Logs in through POST /login; the `Cookie` header value of the session. */
  async function login(email: string, password = PASSWORD): Promise<string> {
    const body = new URLSearchParams({ email, password, next: '/' }).toString();
    const answer = await http('POST', '/login', { headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, 'Content-Length': String(Buffer.byteLength(body)) }, body });
    const cookie = [answer.headers['set-cookie'] ?? []].flat().find((line) => line.startsWith('codex_chat_session='));
    if (!cookie) throw new Error(`login of ${email} failed: ${answer.status} ${answer.body.slice(0, 200)}`);
    return cookie.split(';')[0];
  }

  return {
    hub,
    origin,
    http,
    login,
    /** An account with a password (the test password unless given). */
    async person(email: string, name: string, options: { admin?: boolean; password?: string } = {}): Promise<Account> {
      const account = await addAccount(hub.db, { email, name, isAdmin: options.admin });
      await setPassword(hub.db, account.id, await hashPassword(options.password ?? PASSWORD));
      return account;
    },
    /** A project owned by `owner`, with more members; the hub is told its members changed (as the admin socket does). */
    async project(name: string, owner: Account, members: Array<[Account, ProjectRole]> = []): Promise<Project> {
      const project = await addProject(hub.db, { name, ownerId: owner.id, folder: (id) => path.join(hub.dataDir, 'projects', id) });
      for (const [account, role] of members) await addMember(hub.db, { projectId: project.id, accountId: account.id, role });
      hub.membersChanged(project.id);
      return project;
    },
    /** A WebSocket client with a session cookie (or none), sent from the hub's own origin. */
    connect(cookie?: string): AcpApi {
      const headers: Record<string, string> = { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) };
      const client = createAcpApi(createNodeWebSocketTransport(`ws://127.0.0.1:${hub.port}/api/ws`, { headers }), { backoff: { initialMs: 20, maxMs: 200 } });
      clients.push(client);
      return client;
    },
    async dispose(): Promise<void> {
      for (const client of clients.splice(0)) client.close();
      await hub.close();
      if (kind === 'postgres') await releasePostgresServer();
      await rm(base, { recursive: true, force: true });
    },
  };
}

export type TestMultiuserHub = Awaited<ReturnType<typeof startTestMultiuserHub>>;
