import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { LOGIN_PAGE_CSP } from './login-html.js';

/**
 * Headers of every login answer. Referrer-Policy is same-origin, not no-referrer: with no-referrer
 * a browser sends `Origin: null` on the form's POST, and the CSRF check needs the real origin.
 */
const HEADERS: OutgoingHttpHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

/** Whether the caller wants JSON back (a script or test posting JSON) rather than a page. */
export function wantsJson(request: IncomingMessage): boolean {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  const accept = (request.headers.accept ?? '').toLowerCase();
  return type.startsWith('application/json') || (accept.includes('application/json') && !accept.includes('text/html'));
}

export function sendPage(response: ServerResponse, status: number, html: string, headers: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': LOGIN_PAGE_CSP, ...headers });
  response.end(html);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/** 303: after a POST the browser GETs `location`. */
export function redirect(response: ServerResponse, location: string, headers: OutgoingHttpHeaders = {}, status = 303): void {
  response.writeHead(status, { ...HEADERS, Location: location, ...headers });
  response.end();
}
