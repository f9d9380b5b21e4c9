import type { IncomingMessage, ServerResponse } from 'node:http';
import { consumeLoginLink, peekLoginLink, setPassword } from '../db/index.js';
import { sendJson, sendPage, wantsJson } from './auth-responses.js';
import { clientIp, recordLogin, type LoginContext } from './login-context.js';
import { messagePage, setPasswordPage } from './login-pages.js';
import { logIn } from './login-route.js';
import { hashPassword, newPasswordProblem } from './password-hash.js';
import { readForm } from './read-form.js';

const LINK_GONE = 'This login link has expired or was already used. Ask an admin of this site for a new one.';

/** Tokens are db newSecret()s; anything else is no link (and is not worth a database query). */
function isTokenShape(token: string | null | undefined): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

function answerGone(context: LoginContext, request: IncomingMessage, response: ServerResponse): void {
  recordLogin(context, { kind: 'login', accountId: null, ip: clientIp(request), email: '', outcome: 'login link expired or used' });
  if (wantsJson(request)) return sendJson(response, 410, { error: LINK_GONE });
  sendPage(response, 410, messagePage('Login link not valid', LINK_GONE));
}

/** GET /login/link?token=: the "set your password" form of a valid link (the link is not used yet). */
export async function getLink(context: LoginContext, request: IncomingMessage, response: ServerResponse, token: string | null): Promise<void> {
  const account = isTokenShape(token) ? await peekLoginLink(context.db, token) : null;
  if (!isTokenShape(token) || !account) return answerGone(context, request, response);
  sendPage(response, 200, setPasswordPage({ token, name: account.name, email: account.email }));
}

/**
 * POST /login/link (token, password, confirm): a password that passes the rules is stored and the
 * link used up in one transaction (a refused password leaves the link usable), then the account is
 * logged in. A used, expired or unknown link, or a disabled account: 410.
 */
export async function postLink(context: LoginContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const form = await readForm(request);
  if (!form.ok) {
    const headers = form.status === 413 ? { Connection: 'close' } : {};
    if (wantsJson(request)) return sendJson(response, form.status, { error: form.reason }, headers);
    return sendPage(response, form.status, messagePage('Could not read the form', form.reason), headers);
  }
  const token = form.fields.get('token');
  const account = isTokenShape(token) ? await peekLoginLink(context.db, token) : null;
  if (!isTokenShape(token) || !account) return answerGone(context, request, response);
  const password = form.fields.get('password') ?? '';
  const confirm = form.fields.get('confirm') ?? password;
  const problem = newPasswordProblem(password) ?? (confirm === password ? undefined : 'The two passwords differ.');
  if (problem !== undefined) {
    if (wantsJson(request)) return sendJson(response, 400, { error: problem });
    return sendPage(response, 400, setPasswordPage({ token, name: account.name, email: account.email, error: problem }));
  }
  // Hashed before the transaction: PGlite runs one transaction at a time, scrypt takes ~0.1 s.
  const hash = await hashPassword(password);
  const used = await context.db.transaction(async (tx) => {
    const owner = await consumeLoginLink(tx, token);
    if (owner) await setPassword(tx, owner.id, hash);
    return owner;
  });
  // Another request used the link between the peek and now.
  if (!used) return answerGone(context, request, response);
  recordLogin(context, { kind: 'login', accountId: used.id, ip: clientIp(request), email: used.email, outcome: 'password set by login link' });
  await logIn(context, request, response, used, '/');
}
