// The admin commands' cluster part: where a new project goes, and `projects move`. They write
// Postgres only; the front and the hosts hear of it through NOTIFY codex_changes.
import { assignProjectHost, findProject, listHosts, moveProject, NotFoundError, type Queryable } from '../db/index.js';
import { AdminUsageError } from './admin-args.js';

/**
 * Places a new project on the up host with the fewest projects; the words to add to the "added"
 * line. Outside a cluster (no host registered: the all-in-one hub) the project stays without a host.
 */
export async function placeNewProject(db: Queryable, projectId: string): Promise<string> {
  const host = await assignProjectHost(db, projectId);
  if (host) return `, on host ${host}`;
  if ((await listHosts(db)).length === 0) return '';
  return ' (no project host is up: the front places it when it is first opened)';
}

/** `projects move P --host H`: lines for stdout. */
export async function moveProjectCommand(db: Queryable, command: { project: string; host: string }): Promise<string[]> {
  const project = await findProject(db, command.project);
  if (!project) throw new AdminUsageError(`no project ${command.project} (codex-chat projects list lists them)`);
  let from: string | null;
  try {
    ({ from } = await moveProject(db, project.id, command.host));
  } catch (error) {
    if (error instanceof NotFoundError) throw new AdminUsageError(`${error.message}: codex-chat hosts list lists them`);
    throw error;
  }
  if (from === command.host) return [`${project.id} already is on host ${command.host}`];
  const host = (await listHosts(db)).find((row) => row.id === command.host);
  const lines = [`moved ${project.id} ${from ? `from host ${from} ` : ''}to host ${command.host}: its folder ${project.folder} must be there`];
  if (host && !host.up) lines.push(`note: host ${command.host} is down (last seen ${host.lastSeenAt ?? 'never'}): the project is unavailable until it starts`);
  return lines;
}
