import type { Database } from '../../multiuser/db/index.js';
import type { Membership } from '../../multiuser/hub/membership.js';
import { listenForChanges } from '../database-changes.js';
import type { ProjectHosts } from './project-hosts.js';

/** Drops the cached host of a changed project; if it was cached and the project now is on another host, `onMoved` says which. */
function projectChanged(hosts: ProjectHosts, projectId: string, onMoved: (projectId: string, hostId: string) => void): void {
  const before = hosts.cachedHostOf(projectId);
  hosts.forget(projectId);
  if (before === undefined) return;
  hosts.hostOf(projectId).then(
    (now) => {
      if (now !== undefined && now !== before) onMoved(projectId, now);
    },
    (error: unknown) => console.warn(`[front] reading the host of project ${projectId} failed: ${(error as Error).message}`),
  );
}

/**
 * What the front hub caches, dropped when another process (a host, the admin CLI, another front)
 * changes it in Postgres (NOTIFY from the schema's triggers): members -> the membership cache,
 * projects -> the project's host (a project moved: `onMoved`), settings -> read again. After the
 * listening connection was re-made (NOTIFYs of the gap are lost) everything is dropped. Resolves
 * with the unlistener.
 */
export function followDbChanges(db: Database, deps: { membership: Membership; hosts: ProjectHosts; reloadSettings(): Promise<void>; onMoved(projectId: string, hostId: string): void }): Promise<() => Promise<void>> {
  const reloadSettings = () => void deps.reloadSettings().catch((error: unknown) => console.error('[front] reloading the settings failed:', error));
  return listenForChanges(
    db,
    'front',
    (change) => {
      if (change.table === 'members') deps.membership.invalidate(change.project);
      else if (change.table === 'projects' && change.project !== undefined) projectChanged(deps.hosts, change.project, deps.onMoved);
      else if (change.table === 'projects') deps.hosts.forget();
      else reloadSettings();
    },
    () => {
      deps.membership.invalidate();
      deps.hosts.forget();
      reloadSettings();
    },
  );
}
