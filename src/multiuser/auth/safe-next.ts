const BASE = 'http://same-site.invalid';

/**
 * Where to go after logging in: `next` when it is a path on this site, else `/`. An absolute URL,
 * `//evil`, `/\evil` (browsers read a backslash as a slash) and the login pages themselves are refused.
 */
export function safeNext(next: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters in a path are refused, not matched by mistake
  if (typeof next !== 'string' || next.length > 2000 || !next.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || next.startsWith('//')) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/login/') || url.pathname === '/logout') return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page's address that comes back to `target` (a request's path) after logging in. */
export function loginUrlFor(target: string | undefined): string {
  const next = safeNext(target);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
