import { MIN_PASSWORD_CHARS } from './password-hash.js';
import { errorBlock, escapeHtml, page } from './login-html.js';

/** The login form. */
export function loginPage(options: { next: string; email?: string; error?: string }): string {
  return page(
    'Log in',
    `<h1>Log in to codex-chat</h1>
${errorBlock(options.error)}
<form method="post" action="/login">
<input type="hidden" name="next" value="${escapeHtml(options.next)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button>
</form>
<p class="note">No password yet? Open the login link your admin gave you.</p>`,
  );
}

/** "Set your password" of a one-time login link. */
export function setPasswordPage(options: { token: string; name: string; email: string; error?: string }): string {
  return page(
    'Set your password',
    `<h1>Set your password</h1>
<p>Welcome, ${escapeHtml(options.name)}.</p>
${errorBlock(options.error)}
<form method="post" action="/login/link">
<input type="hidden" name="token" value="${escapeHtml(options.token)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" readonly value="${escapeHtml(options.email)}">
<label for="password">New password (at least ${MIN_PASSWORD_CHARS} characters)</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_CHARS}" required>
<label for="confirm">Repeat it</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">Set password and log in</button>
</form>`,
  );
}

/** The "log out?" page of GET /logout (logging out is a POST, so a foreign link cannot do it). */
export function logoutPage(): string {
  return page(
    'Log out',
    `<h1>Log out?</h1>
<form method="post" action="/logout"><button type="submit">Log out</button></form>`,
  );
}

/** A page that only says something, with a way back to the login form. */
export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n${errorBlock(message)}\n<p><a href="/login">Go to the login page</a></p>`);
}
