// A real HTTP server around a login service, for the auth tests: the login routes, one page and
// one API path behind `authenticate`, and a WebSocket at /api/ws that `authenticate` admits.
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { addAccount, createLoginLink, setPassword, type Account, type Database } from '../db/index.js';
import { sendAuthFailure } from './authenticate.js';
import type { LoginAuditEntry, LoginServiceOptions } from './login-context.js';
import { createLoginService } from './login-service.js';
import { hashPassword } from './password-hash.js';

export type TestAnswer = { status: number; headers: IncomingHttpHeaders; body: string };

export async function startLoginTestServer(db: Database, options: Partial<LoginServiceOptions> = {}) {
  const audit: LoginAuditEntry[] = [];
  const login = createLoginService({ db, audit: { record: (entry) => audit.push(entry) }, ...options });
  const sockets = new WebSocketServer({ noServer: true });
  const server = createServer(async (request, response) => {
    try {
      if (await login.handle(request, response)) return;
      const auth = await login.authenticate(request);
      if (!auth.ok) return sendAuthFailure(request, response, auth);
      response.writeHead(200, { 'Content-Type': 'application/json', ...(auth.setCookie ? { 'Set-Cookie': auth.setCookie } : {}) });
      response.end(JSON.stringify({ account: auth.account, sessionId: auth.sessionId }));
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  server.on('upgrade', async (request, socket, head) => {
    const auth = await login.authenticate(request);
    if (!auth.ok) {
      socket.end(`HTTP/1.1 ${auth.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => client.send(JSON.stringify({ hello: auth.account.email })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  /** One request; `body` as given (a string or Buffer), headers exactly as given plus Host. */
  function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<TestAnswer> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers: options.headers }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  }

  /** A same-origin form POST, as the login page's browser sends it. */
  function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<TestAnswer> {
    return send('POST', path, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  return {
    origin,
    port,
    audit,
    login,
    send,
    postForm,
    close: async () => {
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type LoginTestServer = Awaited<ReturnType<typeof startLoginTestServer>>;

/** A new account with a unique email (tests share a database) and, when given, a password. */
export async function addTestAccount(db: Database, options: { name?: string; password?: string; email?: string } = {}): Promise<Account> {
  const email = options.email ?? `user-${Math.random().toString(36).slice(2)}@example.org`;
  const account = await addAccount(db, { email, name: options.name ?? 'Ann Example' });
  if (options.password !== undefined) await setPassword(db, account.id, await hashPassword(options.password));
  return account;
}

/** A one-time link token for `account`. */
export async function linkTokenFor(db: Database, account: Account, ttlMs?: number): Promise<string> {
  return (await createLoginLink(db, account.id, ttlMs)).token;
}

/** The session cookie ("name=value") from an answer's Set-Cookie, for the next request's Cookie header. */
export function sessionCookieOf(answer: TestAnswer): string {
  const cookie = (answer.headers['set-cookie'] ?? []).find((value) => value.startsWith('codex_chat_session='));
  if (!cookie) throw new Error(`no session cookie in the answer (${answer.status} ${answer.body.slice(0, 200)})`);
  return cookie.split(';')[0];
}
