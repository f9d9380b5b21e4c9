import type { IncomingMessage } from 'node:http';

/** The host (name:port, lowercased) of an absolute http(s) URL; undefined otherwise. */
function hostOf(value: string | undefined): string | undefined {
  if (value === undefined || value === 'null') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** The request's own host as the browser named it (the Host header, lowercased, default port dropped). */
function ownHost(request: IncomingMessage): string | undefined {
  const host = request.headers.host;
  if (host === undefined || host === '') return undefined;
  // Through URL so "example.org:80" and "example.org" compare equal, as they do in an Origin.
  return hostOf(`http://${host}`) ?? undefined;
}

/**
 * Whether a state-changing request comes from a page of this site (CSRF protection): its Origin,
 * else its Referer, names the request's own Host. A browser sends `Origin: null` for a form POST
 * from a page with `Referrer-Policy: no-referrer`; then the browser's own `Sec-Fetch-Site:
 * same-origin` (a header scripts cannot set) is accepted instead.
 */
export function isSameOriginRequest(request: IncomingMessage): boolean {
  const own = ownHost(request);
  if (own === undefined) return false;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') return hostOf(origin) === own;
  const referer = request.headers.referer;
  if (referer !== undefined) return hostOf(referer) === own;
  return request.headers['sec-fetch-site'] === 'same-origin';
}

/**
 * Whether a WebSocket upgrade comes from a page of this site: browsers always send Origin on an
 * upgrade, so one that is missing or foreign is refused (cross-site WebSocket hijacking).
 */
export function isSameOriginUpgrade(request: IncomingMessage): boolean {
  const own = ownHost(request);
  return own !== undefined && hostOf(request.headers.origin) === own;
}
