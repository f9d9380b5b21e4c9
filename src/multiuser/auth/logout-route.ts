import type { IncomingMessage, ServerResponse } from 'node:http';
import { deleteSession, findSession, hashSecret } from '../db/index.js';
import { redirect, sendJson, wantsJson } from './auth-responses.js';
import { clientIp, recordLogin, type LoginContext } from './login-context.js';
import { clearedSessionCookie, sessionSecretOf } from './session-cookie.js';

/** POST /logout: the session ends in the database, the cookie is cleared, the browser goes to /login. */
export async function postLogout(context: LoginContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const secret = sessionSecretOf(request);
  if (secret !== undefined) {
    const session = await findSession(context.db, secret);
    await deleteSession(context.db, hashSecret(secret));
    if (session) recordLogin(context, { kind: 'logout', accountId: session.account.id, ip: clientIp(request), email: session.account.email, outcome: 'ok' });
  }
  const headers = { 'Set-Cookie': clearedSessionCookie(context.secure) };
  if (wantsJson(request)) return sendJson(response, 200, { ok: true }, headers);
  redirect(response, '/login', headers);
}
