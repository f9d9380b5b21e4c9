// A member at the front hub, as a browser would be: the one-time login link's "set your password"
// form (POST /login/link), POST /login, and a WebSocket to /api/ws carrying the session cookie.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createAcpApi, type AcpApi } from '../../acp-api/index.js';
import { createNodeWebSocketTransport } from '../../acp-api/node.js';

type HttpAnswer = { status: number; headers: IncomingHttpHeaders; body: string };

function postForm(origin: string, target: string, fields: Record<string, string>): Promise<HttpAnswer> {
  const body = new URLSearchParams(fields).toString();
  const { hostname, port } = new URL(origin);
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)), Origin: origin };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, method: 'POST', path: target, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function sessionCookieOf(answer: HttpAnswer, what: string): string {
  const line = [answer.headers['set-cookie'] ?? []].flat().find((cookie) => cookie.startsWith('codex_chat_session='));
  if (!line) throw new Error(`${what} failed: ${answer.status} ${answer.body.slice(0, 200)}`);
  return line.split(';')[0];
}

/** Sets the account's password through its login link (`.../login/link?token=...`); the session `Cookie` value. */
export async function setPasswordByLink(origin: string, link: string, password: string): Promise<string> {
  const token = new URL(link).searchParams.get('token') ?? '';
  return sessionCookieOf(await postForm(origin, '/login/link', { token, password, confirm: password }), 'setting a password by login link');
}

/** POST /login; the session `Cookie` value. */
export async function logInAt(origin: string, email: string, password: string): Promise<string> {
  return sessionCookieOf(await postForm(origin, '/login', { email, password, next: '/' }), `login of ${email}`);
}

/** A WebSocket API client of the front with this session, sent from the front's own origin; reconnects quickly. */
export function connectTo(origin: string, cookie: string): AcpApi {
  const url = `${origin.replace(/^http/, 'ws')}/api/ws`;
  return createAcpApi(createNodeWebSocketTransport(url, { headers: { Origin: origin, Cookie: cookie } }), { backoff: { initialMs: 50, maxMs: 500 } });
}
