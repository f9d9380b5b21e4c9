// Login, sessions and request authentication of the multiuser hub: server-rendered /login pages,
// scrypt passwords, session cookies, rate-limited failed logins, same-origin checks.
export { createLoginService, type LoginService } from './login-service.js';
export type { AuditSink, LoginAuditEntry, LoginServiceOptions } from './login-context.js';
export { sendAuthFailure, TOUCH_INTERVAL_MS, type AuthFailure, type AuthResult } from './authenticate.js';
export type { LoggedInAccount } from './login-route.js';
export { SESSION_COOKIE } from './session-cookie.js';
export { hashPassword, MIN_PASSWORD_CHARS, newPasswordProblem, verifyPassword } from './password-hash.js';
export { isSameOriginRequest, isSameOriginUpgrade } from './same-origin.js';
