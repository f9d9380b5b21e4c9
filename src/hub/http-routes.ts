import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AccessControl } from './access-control.js';
import { serveApp } from './static-files.js';

/** Headers on every answer: no sniffing, no framing by other sites, no referrer leaking the URL. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/** What the HTTP side serves besides the app. */
export type HttpRouteDeps = { access: AccessControl; appDir: string; customize: () => unknown; health: () => unknown };

function sendJson(response: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...headers });
  response.end(JSON.stringify(body));
}

/** Answers one HTTP request: access check, then /healthz, /customize or the web app. */
export function createHttpHandler(deps: HttpRouteDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const decision = deps.access.check(request, 'http');
    if (!decision.ok) {
      response.writeHead(decision.status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      response.end(`${decision.reason}\n`);
      return;
    }
    const cookies: OutgoingHttpHeaders = decision.setCookies.length > 0 ? { 'Set-Cookie': decision.setCookies } : {};
    if (decision.redirectTo !== undefined) {
      response.writeHead(302, { Location: decision.redirectTo, ...cookies, ...SECURITY_HEADERS });
      response.end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      response.end('only GET and HEAD are served over HTTP; the API is the WebSocket at /api/ws\n');
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://hub.invalid').pathname;
    if (pathname === '/healthz') return sendJson(response, 200, deps.health(), cookies);
    if (pathname === '/customize') return sendJson(response, 200, deps.customize(), cookies);
    await serveApp(deps.appDir, pathname, response, { ...SECURITY_HEADERS, ...cookies });
  };
}
