import type { IncomingMessage } from 'node:http';
import { parseCookies } from '../../hub/access-control.js';

/** The login session's cookie. */
export const SESSION_COOKIE = 'codex_chat_session';

/** The session secret a request carries; undefined when none or not the shape we hand out (db newSecret: 43 base64url characters). */
export function sessionSecretOf(request: IncomingMessage): string | undefined {
  const value = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

function attributes(maxAgeSeconds: number, secure: boolean): string {
  return `HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that holds a session for `ttlMs`. */
export function sessionCookie(secret: string, ttlMs: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${secret}; ${attributes(Math.floor(ttlMs / 1000), secure)}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; ${attributes(0, secure)}`;
}
