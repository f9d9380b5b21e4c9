import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { requestUrl, type AccessControl } from './access-control.js';
import { serveApp } from './static-files.js';

/**
 * Headers on every answer: no sniffing, no framing by other sites, and no referrer to other sites
 * (the lite URL carries ?token=). `same-origin`, not `no-referrer`: with no-referrer a form POST to
 * the hub itself (multiuser Log out) goes with `Origin: null`, and on a plain-http host name where
 * the browser sends no Sec-Fetch-Site the CSRF check must refuse it.
 */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

/** What the HTTP side serves besides the app. */
export type HttpRouteDeps = { access: AccessControl; appDir: string; customize: () => unknown; health: () => unknown };

/** A JSON answer with the security headers, never cached. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...headers });
  response.end(JSON.stringify(body));
}

/** A one-line text answer with the security headers. */
export function sendText(response: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...headers });
  response.end(`${text}\n`);
}

/**
 * Answers one HTTP request: access check, then /healthz, /customize or the web app. Any error of one
 * request is answered (500, or the connection is dropped when the answer had begun) and logged; it
 * never reaches the process.
 */
export function createHttpHandler(deps: HttpRouteDeps) {
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const decision = deps.access.check(request, 'http');
    if (!decision.ok) return sendText(response, decision.status, decision.reason);
    const cookies: OutgoingHttpHeaders = decision.setCookies.length > 0 ? { 'Set-Cookie': decision.setCookies } : {};
    if (decision.redirectTo !== undefined) {
      response.writeHead(302, { Location: decision.redirectTo, ...cookies, ...SECURITY_HEADERS });
      response.end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'only GET and HEAD are served over HTTP; the API is the WebSocket at /api/ws', { Allow: 'GET, HEAD' });
    }
    // access.check has parsed the same URL already.
    const pathname = (requestUrl(request) as URL).pathname;
    if (pathname === '/healthz') return sendJson(response, 200, deps.health(), cookies);
    if (pathname === '/customize') return sendJson(response, 200, deps.customize(), cookies);
    await serveApp(deps.appDir, pathname, request, response, { ...SECURITY_HEADERS, ...cookies });
  }

  return answeringErrors(answer);
}

/**
 * An HTTP handler whose errors stay with their request: logged, then a 500 (or the connection
 * dropped when the answer had begun); never an exception reaching the process.
 */
export function answeringErrors(answer: (request: IncomingMessage, response: ServerResponse) => Promise<void>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      await answer(request, response);
    } catch (error) {
      console.error(`[hub] HTTP ${request.method} ${request.url?.slice(0, 200)} failed:`, error);
      if (response.headersSent) response.destroy();
      else sendText(response, 500, 'internal error of the hub (see its log)');
    }
  };
}
