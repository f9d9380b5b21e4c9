import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSession, deleteSession, findAccountByEmail, hashSecret, normalizeEmail, passwordHashOf, type Account } from '../db/index.js';
import { addressKey } from './address-key.js';
import { redirect, sendJson, sendPage, wantsJson } from './auth-responses.js';
import { clientIp, recordLogin, type LoginContext } from './login-context.js';
import { loginPage } from './login-pages.js';
import { MAX_PASSWORD_CHARS, verifyNothing, verifyPassword } from './password-hash.js';
import { readForm } from './read-form.js';
import { safeNext } from './safe-next.js';
import { sessionCookie, sessionSecretOf } from './session-cookie.js';

/** Emails longer than this are no account's (RFC 5321's limit). */
const MAX_EMAIL_CHARS = 320;
/** One message for an unknown email and a wrong password, so a login cannot probe which accounts exist. */
export const WRONG_LOGIN = 'Wrong email or password.';

/** The public part of an account, as the JSON login answer and `authenticate` give it. */
export type LoggedInAccount = { id: string; email: string; name: string; isAdmin: boolean };

export function loggedIn(account: Account): LoggedInAccount {
  return { id: account.id, email: account.email, name: account.name, isAdmin: account.isAdmin };
}

/** A refused login: the form again with the message (or JSON `{ error }`). */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, error: string, form: { email: string; next: string }, headers = {}): void {
  if (wantsJson(request)) return sendJson(response, status, { error }, headers);
  sendPage(response, status, loginPage({ ...form, error }), headers);
}

/** Whether `password` is the account's; an unknown email or an account without a password costs the same time. */
async function verify(context: LoginContext, account: Account | null, password: string): Promise<boolean> {
  const hash = account ? await passwordHashOf(context.db, account.id) : null;
  return hash === null ? verifyNothing(password) : verifyPassword(password, hash);
}

/** Starts a session for `account` (ending the one the browser had) and answers with its cookie. */
export async function logIn(context: LoginContext, request: IncomingMessage, response: ServerResponse, account: Account, next: string): Promise<void> {
  const previous = sessionSecretOf(request);
  if (previous !== undefined) await deleteSession(context.db, hashSecret(previous));
  const session = await createSession(context.db, account.id, { ttlMs: context.ttlMs, ip: clientIp(request) });
  const headers = { 'Set-Cookie': sessionCookie(session.secret, context.ttlMs, context.secure) };
  if (wantsJson(request)) return sendJson(response, 200, { ok: true, account: loggedIn(account), next }, headers);
  redirect(response, next, headers);
}

/**
 * POST /login: email + password. Refused (each an audit row): rate limited (429 with Retry-After),
 * unknown email or wrong password (401, one message), disabled account (403, only said after the
 * right password). Failures count per email and per IP; a success clears the email's count.
 */
export async function postLogin(context: LoginContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const form = await readForm(request);
  if (!form.ok) return refuse(request, response, form.status, form.reason, { email: '', next: '/' }, form.status === 413 ? { Connection: 'close' } : {});
  const email = normalizeEmail(form.fields.get('email') ?? '');
  const password = form.fields.get('password') ?? '';
  const next = safeNext(form.fields.get('next'));
  const shown = { email: email.slice(0, MAX_EMAIL_CHARS), next };
  if (email === '' || password === '') return refuse(request, response, 400, 'Enter your email and password.', shown);
  if (email.length > MAX_EMAIL_CHARS || password.length > MAX_PASSWORD_CHARS) return refuse(request, response, 400, WRONG_LOGIN, shown);
  const ip = clientIp(request);
  const ipKey = addressKey(ip);
  const limit = [context.byIp.state(ipKey), context.byEmail.state(email)].find((state) => state.limited);
  if (limit?.limited) {
    recordLogin(context, { kind: 'login', accountId: null, ip, email, outcome: 'rate limited' });
    const minutes = Math.ceil(limit.retryAfterMs / 60_000);
    const message = `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    return refuse(request, response, 429, message, shown, { 'Retry-After': String(Math.ceil(limit.retryAfterMs / 1000)) });
  }
  const account = await findAccountByEmail(context.db, email);
  const right = await verify(context, account, password);
  if (!account || !right) {
    context.byIp.fail(ipKey);
    context.byEmail.fail(email);
    recordLogin(context, { kind: 'login', accountId: account?.id ?? null, ip, email, outcome: account ? 'wrong password' : 'unknown account' });
    return refuse(request, response, 401, WRONG_LOGIN, shown);
  }
  if (account.disabledAt !== null) {
    recordLogin(context, { kind: 'login', accountId: account.id, ip, email, outcome: 'disabled' });
    return refuse(request, response, 403, 'This account is disabled. Ask an admin of this site.', shown);
  }
  context.byEmail.clear(email);
  recordLogin(context, { kind: 'login', accountId: account.id, ip, email, outcome: 'ok' });
  await logIn(context, request, response, account, next);
}
