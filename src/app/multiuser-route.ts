/**
 * The multiuser page's address, all in the hash (the search part is lite's): `#/` the projects,
 * `#/account`, `#/admin`, `#/audit[/<project>[/<chat>/<thread>]]` the audit (every row you may see,
 * a project's, or one thread's),
 * `#/p/<project>` a project's chats, `#/p/<project>/<chat>[/<thread>]` an open chat and thread (each
 * part URI-encoded, so a chat path's slashes stay inside its part).
 */
export type MultiuserRoute =
  | { page: 'projects' }
  | { page: 'account' }
  | { page: 'admin' }
  | { page: 'audit'; projectId: string | null; chat?: string; thread?: string }
  | { page: 'project'; projectId: string; chat: string | null; thread: string | null };

function decodePart(part: string | undefined): string | null {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null; // a hand-typed "%zz": treat the part as absent rather than throw
  }
}

/** The route of `hash`; anything unknown is the projects page. */
export function parseMultiuserRoute(hash: string): MultiuserRoute {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'account') return { page: 'account' };
  if (parts[0] === 'admin') return { page: 'admin' };
  if (parts[0] === 'audit') {
    const projectId = decodePart(parts[1]);
    const chat = projectId ? decodePart(parts[2]) : null;
    const thread = chat ? decodePart(parts[3]) : null;
    return chat && thread ? { page: 'audit', projectId, chat, thread } : { page: 'audit', projectId };
  }
  const projectId = parts[0] === 'p' ? decodePart(parts[1]) : null;
  if (!projectId) return { page: 'projects' };
  const chat = decodePart(parts[2]);
  return { page: 'project', projectId, chat, thread: chat ? decodePart(parts[3]) : null };
}

/** The hash of a route (the inverse of parseMultiuserRoute). */
export function multiuserHash(route: MultiuserRoute): string {
  if (route.page === 'audit') {
    const parts = [route.projectId, route.projectId && route.chat && route.thread ? route.chat : null, route.projectId && route.chat ? route.thread : null];
    return `#/${['audit', ...parts.filter((part): part is string => Boolean(part)).map(encodeURIComponent)].join('/')}`;
  }
  if (route.page !== 'project') return route.page === 'projects' ? '#/' : `#/${route.page}`;
  const parts = ['p', route.projectId, route.chat, route.chat ? route.thread : null].filter((part): part is string => part !== null);
  return `#/${parts.map((part, index) => (index === 0 ? part : encodeURIComponent(part))).join('/')}`;
}
