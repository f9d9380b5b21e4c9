import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The outcome of checking one request. */
export type AccessDecision =
  | { ok: true; isAdmin: boolean; setCookies: string[]; redirectTo?: string }
  | { ok: false; status: 400 | 401 | 403; reason: string };

/** What access control needs to know about the hub. */
export type AccessOptions = { token: string; adminToken?: string; host: string; port: () => number };

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** A cookie value with its %-escapes decoded; a malformed one (another app's `x=50%`) is kept raw. */
function decodeCookieValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The cookies of a request; never throws (cookies of other local apps share `localhost`). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0) cookies.set(part.slice(0, equals).trim(), decodeCookieValue(part.slice(equals + 1).trim()));
  }
  return cookies;
}

/**
 * The URL of a request, read as a path on this hub; undefined when it cannot be parsed. The target is
 * appended to a fixed origin instead of resolved against it, so `//[` or `//evil` stay paths.
 */
export function requestUrl(request: IncomingMessage): URL | undefined {
  const target = request.url ?? '/';
  try {
    return new URL(`http://hub.invalid${target.startsWith('/') ? '' : '/'}${target}`);
  } catch {
    return undefined;
  }
}

/** "host:port" or "[v6]:port" -> parts; undefined when malformed. */
function splitHostPort(value: string): { hostname: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(value.trim());
  if (!match) return undefined;
  return { hostname: match[1].replace(/^\[|\]$/g, '').toLowerCase(), port: match[2] ? Number(match[2]) : 80 };
}

/**
 * Token, cookie, Host and Origin checks of every HTTP request and WebSocket upgrade. The token comes
 * in the first URL (`?token=`) and is then kept in an HttpOnly SameSite=Strict cookie (named per
 * port: cookies do not separate ports). Host names must be `localhost`, an IP literal or the bound
 * host, so a DNS-rebinding page (a foreign name resolving to 127.0.0.1) is refused.
 */
export function createAccessControl(options: AccessOptions) {
  const tokenCookie = () => `codex_chat_token_${options.port()}`;
  const adminCookie = () => `codex_chat_admin_${options.port()}`;

  function isHubAddress(hostname: string, port: number): boolean {
    if (port !== options.port()) return false;
    return hostname === 'localhost' || isIP(hostname) !== 0 || hostname === options.host.toLowerCase();
  }

  function check(request: IncomingMessage, kind: 'http' | 'websocket'): AccessDecision {
    const host = splitHostPort(request.headers.host ?? '');
    if (!host || !isHubAddress(host.hostname, host.port)) {
      return { ok: false, status: 403, reason: `Host header ${JSON.stringify(request.headers.host ?? '')} is not this hub's address (DNS-rebinding protection)` };
    }
    const origin = request.headers.origin;
    if (origin !== undefined) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      const originPort = parsed ? Number(parsed.port || 80) : 0;
      if (!parsed || parsed.protocol !== 'http:' || !isHubAddress(parsed.hostname.replace(/^\[|\]$/g, ''), originPort)) {
        return { ok: false, status: 403, reason: `foreign Origin ${JSON.stringify(origin)} refused: only pages served by this hub may connect` };
      }
    }
    const url = requestUrl(request);
    if (!url) return { ok: false, status: 400, reason: `malformed request target ${JSON.stringify(request.url?.slice(0, 200))}` };
    const cookies = parseCookies(request.headers.cookie);
    const queryToken = url.searchParams.get('token') ?? undefined;
    const given = queryToken ?? cookies.get(tokenCookie());
    if (given === undefined) {
      return { ok: false, status: 401, reason: 'missing access token: open the URL that codex-chat printed (it carries ?token=...)' };
    }
    if (!sameSecret(given, options.token)) return { ok: false, status: 403, reason: 'wrong access token' };
    const queryAdmin = url.searchParams.get('admin') ?? undefined;
    const isAdmin = options.adminToken === undefined || sameSecret(queryAdmin ?? cookies.get(adminCookie()), options.adminToken);
    const setCookies: string[] = [];
    const cookie = (name: string, value: string) => `${name}=${encodeURIComponent(value)}; HttpOnly; SameSite=Strict; Path=/`;
    if (kind === 'http' && queryToken !== undefined) setCookies.push(cookie(tokenCookie(), queryToken));
    if (kind === 'http' && queryAdmin !== undefined && isAdmin && options.adminToken !== undefined) setCookies.push(cookie(adminCookie(), queryAdmin));
    if (kind === 'http' && (queryToken !== undefined || queryAdmin !== undefined) && request.method === 'GET') {
      // Drop the secrets from the address bar (and history) once the cookie holds them.
      url.searchParams.delete('token');
      url.searchParams.delete('admin');
      return { ok: true, isAdmin, setCookies, redirectTo: url.pathname + url.search };
    }
    return { ok: true, isAdmin, setCookies };
  }

  return { check };
}

/** The access control of one hub. */
export type AccessControl = ReturnType<typeof createAccessControl>;
