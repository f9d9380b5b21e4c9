import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestUrl } from '../../hub/access-control.js';
import { findSession, touchSession } from '../db/index.js';
import { sendJson } from './auth-responses.js';
import { clientIp, type LoginContext } from './login-context.js';
import { loggedIn, type LoggedInAccount } from './login-route.js';
import { loginUrlFor } from './safe-next.js';
import { isSameOriginUpgrade } from './same-origin.js';
import { clearedSessionCookie, sessionCookie, sessionSecretOf } from './session-cookie.js';

/** A session's last_seen_at / expires_at are written at most this often (not on every request). */
export const TOUCH_INTERVAL_MS = 60_000;

/** Why a request has no session (or may not use it). */
export type AuthFailure = { ok: false; status: 401 | 403; reason: string };

/**
 * A request's logged-in account. `sessionId` is the session's stored id (the cookie's sha256, safe
 * to log). `setCookie`, when present, is the cookie renewed with the slid expiry: add it to the
 * HTTP answer (or the WebSocket upgrade's headers) so the browser keeps it as long as the server does.
 */
export type AuthResult = { ok: true; account: LoggedInAccount; sessionId: string; setCookie?: string } | AuthFailure;

/** Whether a request is a WebSocket upgrade. */
function isUpgrade(request: IncomingMessage): boolean {
  return (request.headers.upgrade ?? '').toLowerCase() === 'websocket';
}

/**
 * The session of a request's cookie: 401 without one or when it expired, is unknown or its account
 * is disabled; 403 for a WebSocket upgrade from a foreign page (its Origin must be this Host).
 * Slides the expiry at most once a minute. Rejects only when the database fails.
 */
export async function authenticateRequest(context: LoginContext, request: IncomingMessage): Promise<AuthResult> {
  if (isUpgrade(request) && !isSameOriginUpgrade(request)) {
    return { ok: false, status: 403, reason: `foreign Origin ${JSON.stringify(request.headers.origin ?? '')} refused: only pages of this site may connect` };
  }
  const secret = sessionSecretOf(request);
  if (secret === undefined) return { ok: false, status: 401, reason: 'not logged in: log in at /login' };
  const session = await findSession(context.db, secret);
  if (!session) {
    const reason = 'the login session has expired or ended: log in again at /login';
    recordStaleSession(context, request, reason);
    return { ok: false, status: 401, reason };
  }
  const result: AuthResult = { ok: true, account: loggedIn(session.account), sessionId: session.id };
  if (Date.now() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) {
    if (await touchSession(context.db, session.id, { ttlMs: context.ttlMs, ip: clientIp(request) })) {
      result.setCookie = sessionCookie(secret, context.ttlMs, context.secure);
    }
  }
  return result;
}

/**
 * An API call or WebSocket upgrade with an expired, ended or disabled account's session is an audit
 * row ('refused'); pages are not (they go to /login and the stale cookie is cleared, so a tab's
 * assets would only repeat the row).
 */
function recordStaleSession(context: LoginContext, request: IncomingMessage, reason: string): void {
  const pathname = requestUrl(request)?.pathname ?? '';
  if (!isUpgrade(request) && !pathname.startsWith('/api/')) return;
  try {
    context.audit?.record({ kind: 'refused', accountId: null, ip: clientIp(request), projectId: null, path: null, threadKey: null, turnId: null, target: pathname.slice(0, 200), outcome: reason });
  } catch (error) {
    console.error('[auth] audit record failed:', error);
  }
}

/**
 * Answers a request that `authenticate` refused: a page (GET/HEAD asking for HTML, not /api/) is
 * sent to the login page with `next` set to where it was going; anything else gets the status and
 * the reason as JSON `{ error }`. A stale session cookie is cleared.
 */
export function sendAuthFailure(request: IncomingMessage, response: ServerResponse, failure: AuthFailure, secureCookies = false): void {
  const url = requestUrl(request);
  const headers = sessionSecretOf(request) !== undefined && failure.status === 401 ? { 'Set-Cookie': clearedSessionCookie(secureCookies) } : {};
  const isPage =
    failure.status === 401 &&
    (request.method === 'GET' || request.method === 'HEAD') &&
    url !== undefined &&
    !url.pathname.startsWith('/api/') &&
    (request.headers.accept ?? '').toLowerCase().includes('text/html');
  if (isPage) {
    response.writeHead(302, { Location: loginUrlFor(url.pathname + url.search), 'Cache-Control': 'no-store', ...headers });
    response.end();
    return;
  }
  sendJson(response, failure.status, { error: failure.reason }, headers);
}
