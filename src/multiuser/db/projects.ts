import type { ProjectInfo, ProjectRole } from '../../protocol/multiuser.js';
import type { Queryable } from './database.js';
import { AlreadyExistsError, RefusedChangeError, unlessTaken } from './errors.js';

export type Project = { id: string; name: string; folder: string; hostId: string | null; createdAt: string };
export type Member = { accountId: string; email: string; name: string; role: ProjectRole; addedAt: string };

const COLUMNS = `id, name, folder, host_id as "hostId", created_at as "createdAt"`;

/** A project's id: its name lowercased, runs of other characters as one '-', at most 48 characters. */
export function slugOf(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return slug || 'project';
}

/** The first free id for `name`: its slug, else slug-2, slug-3... ("My app" and "my-app" are two projects). */
async function freeId(db: Queryable, name: string): Promise<string> {
  const slug = slugOf(name);
  const taken = new Set((await db.query<{ id: string }>(`select id from projects where id = $1 or id like $2`, [slug, `${slug}-%`])).map((row) => row.id));
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return id;
}

/**
 * Adds a project with its owner as 'owner', in one transaction. `folder` may depend on the id
 * (the default folder is `<data>/projects/<id>`).
 */
export async function addProject(db: Queryable, input: { name: string; ownerId: string; folder: string | ((id: string) => string) }): Promise<Project> {
  const name = input.name.trim();
  return db.transaction(async (tx) => {
    if ((await tx.query('select 1 from projects where name = $1', [name])).length > 0) throw new AlreadyExistsError(`a project named ${name} already exists`);
    const id = await freeId(tx, name);
    const folder = typeof input.folder === 'function' ? input.folder(id) : input.folder;
    const [project] = await unlessTaken(
      () => tx.query<Project>(`insert into projects (id, name, folder) values ($1, $2, $3) returning ${COLUMNS}`, [id, name, folder]),
      `a project named ${name} already exists`,
    );
    await tx.query(`insert into members (project_id, account_id, role) values ($1, $2, 'owner')`, [id, input.ownerId]);
    return project;
  });
}

/** A project by its id or, failing that, its exact name. */
export async function findProject(db: Queryable, idOrName: string): Promise<Project | null> {
  const rows = await db.query<Project>(`select ${COLUMNS} from projects where id = $1 or name = $1 order by (id = $1) desc limit 1`, [idOrName]);
  return rows[0] ?? null;
}

/** Every project, by name (admins, the CLI). */
export async function listProjects(db: Queryable): Promise<(Project & { members: number })[]> {
  return db.query(`select ${COLUMNS}, (select count(*)::int from members m where m.project_id = p.id) as members from projects p order by name`);
}

/** The projects an account is a member of, with its role, by name (projects.list). */
export async function listProjectsOf(db: Queryable, accountId: string): Promise<ProjectInfo[]> {
  return db.query<ProjectInfo>(
    `select p.id, p.name, m.role, p.created_at as "createdAt" from members m join projects p on p.id = m.project_id where m.account_id = $1 order by p.name`,
    [accountId],
  );
}

/** The account's role in the project; null when not a member (or no such project). */
export async function roleOf(db: Queryable, accountId: string, projectId: string): Promise<ProjectRole | null> {
  const [row] = await db.query<{ role: ProjectRole }>(`select role from members where account_id = $1 and project_id = $2`, [accountId, projectId]);
  return row?.role ?? null;
}

async function ownerCountAfter(tx: Queryable, projectId: string, accountId: string): Promise<number> {
  const [row] = await tx.query<{ owners: number }>(`select count(*)::int as owners from members where project_id = $1 and role = 'owner' and account_id <> $2`, [projectId, accountId]);
  return row.owners;
}

/**
 * Adds a member, or changes the role of one (returns the role it had, null when new). A project
 * keeps at least one owner: demoting the last one is refused.
 */
export async function addMember(db: Queryable, input: { projectId: string; accountId: string; role: ProjectRole }): Promise<{ previousRole: ProjectRole | null }> {
  return db.transaction(async (tx) => {
    // Row lock: two concurrent demotions cannot both see "another owner is left".
    await tx.query('select id from projects where id = $1 for update', [input.projectId]);
    const previousRole = await roleOf(tx, input.accountId, input.projectId);
    if (previousRole === 'owner' && input.role !== 'owner' && (await ownerCountAfter(tx, input.projectId, input.accountId)) === 0) {
      throw new RefusedChangeError(`${input.projectId} would have no owner left`);
    }
    await tx.query(
      `insert into members (project_id, account_id, role) values ($1, $2, $3) on conflict (project_id, account_id) do update set role = excluded.role`,
      [input.projectId, input.accountId, input.role],
    );
    return { previousRole };
  });
}

/** Removes a member; returns its role, null when it was not one. The last owner cannot be removed. */
export async function removeMember(db: Queryable, input: { projectId: string; accountId: string }): Promise<ProjectRole | null> {
  return db.transaction(async (tx) => {
    await tx.query('select id from projects where id = $1 for update', [input.projectId]);
    const role = await roleOf(tx, input.accountId, input.projectId);
    if (role === 'owner' && (await ownerCountAfter(tx, input.projectId, input.accountId)) === 0) throw new RefusedChangeError(`${input.projectId} would have no owner left`);
    if (role) await tx.query(`delete from members where project_id = $1 and account_id = $2`, [input.projectId, input.accountId]);
    return role;
  });
}

/** The members with their names and emails, owners first, then by email (members list, the owner's page). */
export async function listMembers(db: Queryable, projectId: string): Promise<Member[]> {
  return db.query<Member>(
    `select a.id as "accountId", a.email, a.name, m.role, m.added_at as "addedAt" from members m join accounts a on a.id = m.account_id
      where m.project_id = $1 order by case m.role when 'owner' then 0 when 'collaborator' then 1 else 2 end, a.email`,
    [projectId],
  );
}

/** Who may receive a project's notifications: account ids and roles only (the membership cache). */
export async function membersOf(db: Queryable, projectId: string): Promise<{ accountId: string; role: ProjectRole }[]> {
  return db.query(`select account_id as "accountId", role from members where project_id = $1`, [projectId]);
}
