import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { requestUrl } from '../../hub/access-control.js';
import { SECURITY_HEADERS, answeringErrors, sendJson, sendText } from '../../hub/http-routes.js';
import { serveApp } from '../../hub/static-files.js';
import { AUDIT_CSV_PATH } from '../audit/audit-csv-route.js';
import type { AuditReader } from '../audit/index.js';
import { sendAuthFailure, type LoginService } from '../auth/index.js';

/** What the multiuser HTTP side serves. */
export type MultiuserHttpDeps = {
  login: LoginService;
  appDir: string;
  customize: () => unknown;
  /** GET /api/audit.csv for the logged-in reader. */
  auditCsv?: (request: IncomingMessage, response: ServerResponse, reader: AuditReader) => Promise<void>;
};

/**
 * Answers one HTTP request of the multiuser hub: the login pages first, `/healthz` for monitors
 * (no session, says nothing else), then everything (the app, its assets, /customize, the audit
 * export) only with a valid session: a page without one goes to /login, anything else gets 401.
 */
export function createMultiuserHttpHandler(deps: MultiuserHttpDeps) {
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (await deps.login.handle(request, response)) return;
    const url = requestUrl(request);
    if (!url) return sendText(response, 400, 'malformed request target');
    if (url.pathname === '/healthz') return sendJson(response, 200, { ok: true });
    const auth = await deps.login.authenticate(request);
    if (!auth.ok) return sendAuthFailure(request, response, auth, deps.login.secureCookies);
    const cookies: OutgoingHttpHeaders = auth.setCookie ? { 'Set-Cookie': auth.setCookie } : {};
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'only GET and HEAD are served over HTTP; the API is the WebSocket at /api/ws', { Allow: 'GET, HEAD', ...cookies });
    }
    if (url.pathname === AUDIT_CSV_PATH && deps.auditCsv) {
      for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...cookies })) response.setHeader(name, value as string);
      return deps.auditCsv(request, response, { accountId: auth.account.id, isAdmin: auth.account.isAdmin });
    }
    if (url.pathname === '/customize') return sendJson(response, 200, deps.customize(), cookies);
    await serveApp(deps.appDir, url.pathname, request, response, { ...SECURITY_HEADERS, ...cookies });
  }

  return answeringErrors(answer);
}
