// What each admin command does to the database. It runs in the CLI (database opened directly) or
// in the hub (a command sent over the admin socket): the same code, the same output.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  addAccount,
  addMember,
  addProject,
  AlreadyExistsError,
  appendAudit,
  createLoginLink,
  disableAccount,
  findAccountByEmail,
  findProject,
  listAccounts,
  listMembers,
  listProjects,
  RefusedChangeError,
  removeMember,
  type Account,
  type Database,
  type Project,
  type Queryable,
} from '../db/index.js';
import { AdminUsageError, type AdminCommand } from './admin-args.js';
import { formatTable } from './format-table.js';
import { moveProjectCommand, placeNewProject } from './project-hosts-commands.js';

export type AdminContext = {
  db: Database;
  dataDir: string;
  /** The hub's URL the login links start with. */
  baseUrl: string;
  /** A project's members changed (the hub drops its cached membership of that project). */
  onMembersChanged?: (projectId: string) => void;
};

/** Lines for stdout; bad input (unknown account or project, a taken name) throws AdminUsageError. */
export type AdminOutput = string[];

async function accountByEmail(db: Queryable, email: string): Promise<Account> {
  const account = await findAccountByEmail(db, email);
  if (!account) throw new AdminUsageError(`no account with email ${email} (codex-chat accounts list lists them)`);
  return account;
}

async function projectNamed(db: Queryable, idOrName: string): Promise<Project> {
  const project = await findProject(db, idOrName);
  if (!project) throw new AdminUsageError(`no project ${idOrName} (codex-chat projects list lists them)`);
  return project;
}

/** An explicit project folder must be a folder or creatable as one. */
function ensureFolder(folder: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    try {
      mkdirSync(folder, { recursive: true });
      return;
    } catch (error) {
      throw new AdminUsageError(`cannot create the folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (!isFolder) throw new AdminUsageError(`--folder ${folder} is a file, not a folder`);
}

function memberAudit(projectId: string, target: string) {
  // accountId null: the admin CLI acts as the machine's operator, not as a hub account.
  return { accountId: null, ip: null, projectId, path: null, threadKey: null, turnId: null, kind: 'member' as const, target, outcome: 'ok' };
}

const STATUS = (account: Account) => (account.disabledAt ? 'disabled' : account.hasPassword ? 'active' : 'invited');

async function run(command: AdminCommand, context: AdminContext): Promise<AdminOutput> {
  const { db } = context;
  switch (command.kind) {
    case 'accounts.add': {
      const { account, link } = await db.transaction(async (tx) => {
        const added = await addAccount(tx, { email: command.email, name: command.name, isAdmin: command.admin });
        return { account: added, link: await createLoginLink(tx, added.id) };
      });
      const url = new URL('/login/link', context.baseUrl);
      url.searchParams.set('token', link.token);
      return [`added ${account.email} (${account.name})${account.isAdmin ? ' as an admin' : ''}; one-time login link, valid until ${link.expiresAt}:`, url.href];
    }
    case 'accounts.list': {
      const accounts = await listAccounts(db);
      if (accounts.length === 0) return ['no accounts (codex-chat accounts add --email E --name N adds one)'];
      return formatTable(['EMAIL', 'NAME', 'ADMIN', 'STATUS', 'CREATED'], accounts.map((a) => [a.email, a.name, a.isAdmin ? 'yes' : 'no', STATUS(a), a.createdAt]));
    }
    case 'accounts.disable': {
      const account = await accountByEmail(db, command.email);
      if (account.disabledAt) return [`${account.email} was already disabled (${account.disabledAt})`];
      await disableAccount(db, account.id);
      return [`disabled ${account.email}: its sessions and login links no longer work`];
    }
    case 'projects.add': {
      const owner = await accountByEmail(db, command.owner);
      if (command.folder) ensureFolder(command.folder);
      const project = await db.transaction(async (tx) => {
        const added = await addProject(tx, {
          name: command.name,
          ownerId: owner.id,
          // The default folder is made inside the transaction: if it cannot be, no project is added.
          folder: (id) => command.folder ?? makeDefaultFolder(context.dataDir, id),
        });
        await appendAudit(tx, memberAudit(added.id, `add ${owner.email} as owner`));
        return added;
      });
      context.onMembersChanged?.(project.id);
      const placed = await placeNewProject(db, project.id);
      return [`added project ${project.name} (id ${project.id}) in ${project.folder}, owner ${owner.email}${placed}`];
    }
    case 'projects.list': {
      const projects = await listProjects(db);
      if (projects.length === 0) return ['no projects (codex-chat projects add --name N --owner E adds one)'];
      return formatTable(['ID', 'NAME', 'MEMBERS', 'FOLDER'], projects.map((p) => [p.id, p.name, String(p.members), p.folder]));
    }
    case 'projects.move':
      return moveProjectCommand(db, command);
    case 'members.add': {
      const project = await projectNamed(db, command.project);
      const account = await accountByEmail(db, command.email);
      const { previousRole } = await db.transaction(async (tx) => {
        const change = await addMember(tx, { projectId: project.id, accountId: account.id, role: command.role });
        const target = change.previousRole ? `${account.email}: ${change.previousRole} -> ${command.role}` : `add ${account.email} as ${command.role}`;
        if (change.previousRole !== command.role) await appendAudit(tx, memberAudit(project.id, target));
        return change;
      });
      context.onMembersChanged?.(project.id);
      if (previousRole === command.role) return [`${account.email} already is ${command.role} of ${project.id}`];
      return [previousRole ? `${account.email} is now ${command.role} of ${project.id} (was ${previousRole})` : `added ${account.email} to ${project.id} as ${command.role}`];
    }
    case 'members.remove': {
      const project = await projectNamed(db, command.project);
      const account = await accountByEmail(db, command.email);
      const role = await db.transaction(async (tx) => {
        const removed = await removeMember(tx, { projectId: project.id, accountId: account.id });
        if (removed) await appendAudit(tx, memberAudit(project.id, `remove ${account.email} (${removed})`));
        return removed;
      });
      if (!role) throw new AdminUsageError(`${account.email} is not a member of ${project.id}`);
      context.onMembersChanged?.(project.id);
      return [`removed ${account.email} (${role}) from ${project.id}`];
    }
    case 'members.list': {
      const project = await projectNamed(db, command.project);
      const members = await listMembers(db, project.id);
      return formatTable(['EMAIL', 'NAME', 'ROLE', 'ADDED'], members.map((m) => [m.email, m.name, m.role, m.addedAt]));
    }
  }
}

function makeDefaultFolder(dataDir: string, id: string): string {
  const folder = path.join(dataDir, 'projects', id);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** Runs one admin command; data-level refusals (taken email or name, last owner) become AdminUsageError. */
export async function runAdminCommand(command: AdminCommand, context: AdminContext): Promise<AdminOutput> {
  try {
    return await run(command, context);
  } catch (error) {
    if (error instanceof AlreadyExistsError) throw new AdminUsageError(error.message);
    if (error instanceof RefusedChangeError) throw new AdminUsageError(`refused: ${error.message}`);
    throw error;
  }
}
