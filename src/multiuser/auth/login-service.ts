import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestUrl } from '../../hub/access-control.js';
import { sendJson, sendPage, wantsJson } from './auth-responses.js';
import { authenticateRequest, type AuthResult } from './authenticate.js';
import { HashQueueFullError } from './hash-gate.js';
import { getLink, postLink } from './link-route.js';
import { createLoginContext, type LoginContext, type LoginServiceOptions } from './login-context.js';
import { loginPage, logoutPage, messagePage } from './login-pages.js';
import { postLogin } from './login-route.js';
import { postLogout } from './logout-route.js';
import { safeNext } from './safe-next.js';
import { isSameOriginRequest } from './same-origin.js';

type Route = { get: (url: URL) => Promise<void> | void; post: () => Promise<void> };

function refuseMethod(response: ServerResponse): void {
  sendPage(response, 405, messagePage('Method not allowed', 'This address takes GET and POST only.'), { Allow: 'GET, HEAD, POST' });
}

/** POSTs from another site's page are refused before anything is read (CSRF). */
function refuseCrossSite(request: IncomingMessage, response: ServerResponse): void {
  const error = 'Refused: this form was not sent from a page of this site.';
  if (wantsJson(request)) return sendJson(response, 403, { error });
  sendPage(response, 403, messagePage('Refused', error));
}

function routesOf(context: LoginContext, request: IncomingMessage, response: ServerResponse): Record<string, Route> {
  return {
    '/login': {
      get: (url) => sendPage(response, 200, loginPage({ next: safeNext(url.searchParams.get('next')) })),
      post: () => postLogin(context, request, response),
    },
    '/login/link': {
      get: (url) => getLink(context, request, response, url.searchParams.get('token')),
      post: () => postLink(context, request, response),
    },
    '/logout': { get: () => sendPage(response, 200, logoutPage()), post: () => postLogout(context, request, response) },
  };
}

/**
 * The login pages and the session check of the multiuser hub. `handle` answers /login,
 * /login/link and /logout (true) and leaves every other request alone (false); `authenticate` gives
 * a request's account from its session cookie (see authenticateRequest).
 */
export function createLoginService(options: LoginServiceOptions) {
  const context = createLoginContext(options);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = requestUrl(request);
    if (!url) return false;
    const route = routesOf(context, request, response)[url.pathname];
    if (!route) return false;
    try {
      if (request.method === 'GET' || request.method === 'HEAD') await route.get(url);
      else if (request.method !== 'POST') refuseMethod(response);
      else if (!isSameOriginRequest(request)) refuseCrossSite(request, response);
      else await route.post();
    } catch (error) {
      if (error instanceof HashQueueFullError && !response.headersSent) {
        if (wantsJson(request)) sendJson(response, 503, { error: error.message }, { 'Retry-After': '5' });
        else sendPage(response, 503, messagePage('Busy', error.message), { 'Retry-After': '5' });
        return true;
      }
      console.error(`[auth] ${request.method} ${url.pathname} failed:`, error);
      if (response.headersSent) response.destroy();
      else sendPage(response, 500, messagePage('Something went wrong', 'The hub could not answer (see its log). Try again.'));
    }
    return true;
  }

  return {
    handle,
    authenticate: (request: IncomingMessage): Promise<AuthResult> => authenticateRequest(context, request),
    /** The Secure flag the cookies get (for sendAuthFailure). */
    secureCookies: context.secure,
  };
}

/** One login service. */
export type LoginService = ReturnType<typeof createLoginService>;
