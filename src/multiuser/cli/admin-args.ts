// The admin subcommands' command line: `codex-chat accounts|projects ...`. Parsing is pure (no
// database); the same parser runs in the CLI and, for a command sent over the admin socket, in the hub.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isHostId } from '../../cluster/index.js';
import { PROJECT_ROLES, type ProjectRole } from '../../protocol/multiuser.js';

/** A bad admin command line: one line for the user, exit code 2. */
export class AdminUsageError extends Error {}

export type AdminCommand =
  | { kind: 'accounts.add'; email: string; name: string; admin: boolean }
  | { kind: 'accounts.list' }
  | { kind: 'accounts.disable'; email: string }
  | { kind: 'projects.add'; name: string; owner: string; folder?: string }
  | { kind: 'projects.list' }
  | { kind: 'projects.move'; project: string; host: string }
  | { kind: 'members.add'; project: string; email: string; role: ProjectRole }
  | { kind: 'members.remove'; project: string; email: string }
  | { kind: 'members.list'; project: string };

export type AdminInvocation = {
  command: AdminCommand;
  /** The multiuser data dir (PGlite's `db`, `hub.json`, `admin.sock`, default project folders). */
  dataDir: string;
  databaseUrl?: string;
  /** The hub's public URL for login links when no hub runs (`--url`). */
  url?: string;
};

export const ADMIN_USAGE = `Usage: codex-chat accounts add --email E --name N [--admin]   prints a one-time login link
       codex-chat accounts list
       codex-chat accounts disable E
       codex-chat projects add --name N --owner E [--folder DIR]
       codex-chat projects list
       codex-chat projects move P --host H   a cluster: the project's next call goes to host H
       codex-chat projects members add --project P --email E [--role owner|collaborator|viewer]
       codex-chat projects members remove --project P --email E
       codex-chat projects members list --project P
Every command also takes:
  --data DIR        the multiuser data dir (default: the hub's state dir, ~/.local/state/codex-chat)
  --database URL    a Postgres server (postgres://...) instead of the data dir's embedded database;
                    prefer env CODEX_CHAT_DATABASE_URL, which keeps a password off the process list
  --url URL         the hub's address for login links when no hub runs on the data dir`;

const COMMON = { data: { type: 'string' }, database: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
type Flags = Record<string, { type: 'string' | 'boolean' }>;

/** The flags each command takes besides COMMON, and how many positional words. */
const COMMANDS: Record<string, { kind: AdminCommand['kind']; flags: Flags; positionals: number }> = {
  'accounts add': { kind: 'accounts.add', flags: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' } }, positionals: 0 },
  'accounts list': { kind: 'accounts.list', flags: {}, positionals: 0 },
  'accounts disable': { kind: 'accounts.disable', flags: {}, positionals: 1 },
  'projects add': { kind: 'projects.add', flags: { name: { type: 'string' }, owner: { type: 'string' }, folder: { type: 'string' } }, positionals: 0 },
  'projects list': { kind: 'projects.list', flags: {}, positionals: 0 },
  'projects move': { kind: 'projects.move', flags: { host: { type: 'string' } }, positionals: 1 },
  'projects members add': { kind: 'members.add', flags: { project: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } }, positionals: 0 },
  'projects members remove': { kind: 'members.remove', flags: { project: { type: 'string' }, email: { type: 'string' } }, positionals: 0 },
  'projects members list': { kind: 'members.list', flags: { project: { type: 'string' } }, positionals: 0 },
};

const EMAIL = /^[^\s@]+@[^\s@]+$/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The hub's default state dir (src/hub/cli-args.ts computes the same for `--state-dir`). */
export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.XDG_STATE_HOME || path.join(os.homedir(), '.local/state'), 'codex-chat');
}

function required(value: string | boolean | undefined, flag: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new AdminUsageError(`${flag} is required (${what})`);
  return value;
}

export function checkEmail(email: string, source = '--email'): string {
  if (!EMAIL.test(email.trim()) || email.length > 254) throw new AdminUsageError(`${source} '${email}' is not an email address`);
  return email.trim().toLowerCase();
}

function checkText(text: string, flag: string, max: number): string {
  const trimmed = text.trim();
  if (CONTROL.test(trimmed)) throw new AdminUsageError(`${flag} must not contain control characters`);
  if (trimmed.length > max) throw new AdminUsageError(`${flag} is longer than ${max} characters`);
  return trimmed;
}

function checkRole(role: string | undefined): ProjectRole {
  if (role === undefined) return 'collaborator';
  if (!(PROJECT_ROLES as readonly string[]).includes(role)) throw new AdminUsageError(`--role must be one of ${PROJECT_ROLES.join(', ')} (got '${role}')`);
  return role as ProjectRole;
}

function checkDatabaseUrl(url: string, source: string): string {
  if (!/^postgres(ql)?:\/\/./.test(url)) throw new AdminUsageError(`${source} must be a postgres:// URL`);
  return url;
}

function checkUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return url;
  } catch {
    // falls through to the one-line error
  }
  throw new AdminUsageError(`--url must be an http:// or https:// URL (got '${url}')`);
}

/** The words that name the command (`projects members add`) and the rest. */
function splitCommand(argv: string[]): { name: string; rest: string[] } {
  const words = argv[0] === 'projects' && argv[1] === 'members' ? 3 : 2;
  const name = argv.slice(0, words).join(' ');
  if (COMMANDS[name]) return { name, rest: argv.slice(words) };
  const group = argv[0] === 'projects' && argv[1] === 'members' ? 'projects members' : argv[0];
  const depth = group.split(' ').length;
  const given = argv[depth];
  // The words that may follow the group: `projects` -> add, list, members.
  const choices = [...new Set(Object.keys(COMMANDS).filter((command) => command.startsWith(`${group} `)).map((command) => command.split(' ')[depth]))].join(', ');
  throw new AdminUsageError(given === undefined || given.startsWith('-') ? `${group} needs a command: ${choices}` : `unknown command '${group} ${given}' (${group}: ${choices})`);
}

function readFlags(name: string, rest: string[], flags: Flags) {
  const options = { ...COMMON, ...flags };
  // `--email --name N`: say which flag lacks its value (parseArgs would take "--name" as the email).
  rest.forEach((arg, index) => {
    const flag = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (!flag || (options as Flags)[flag]?.type !== 'string') return;
    const next = rest[index + 1];
    if (next === undefined || next.startsWith('--')) throw new AdminUsageError(`--${flag} needs a value`);
  });
  try {
    return parseArgs({ args: rest, options, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1]?.split(' ')[0] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new AdminUsageError(`unknown option ${flag} for '${name}' (codex-chat ${name} --help lists its options)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new AdminUsageError(`${flag} takes no value`);
    throw new AdminUsageError((error as Error).message.split('\n')[0]);
  }
}

function commandOf(kind: AdminCommand['kind'], values: Record<string, string | boolean | undefined>, words: string[], cwd: string): AdminCommand {
  switch (kind) {
    case 'accounts.add':
      return { kind, email: checkEmail(required(values.email, '--email', "the account's email")), name: checkText(required(values.name, '--name', 'the name shown to others'), '--name', 200), admin: values.admin === true };
    case 'accounts.disable':
      if (words.length === 0) throw new AdminUsageError('accounts disable needs the email of the account');
      return { kind, email: checkEmail(words[0], 'the email') };
    case 'projects.add': {
      const folder = values.folder === undefined ? undefined : path.resolve(cwd, required(values.folder, '--folder', 'a folder'));
      return { kind, name: checkText(required(values.name, '--name', "the project's name"), '--name', 100), owner: checkEmail(required(values.owner, '--owner', "the owner's email"), '--owner'), folder };
    }
    case 'projects.move': {
      if (words.length === 0) throw new AdminUsageError('projects move needs the id or name of the project');
      const host = required(values.host, '--host', 'the id of the project host to move it to');
      if (!isHostId(host)) throw new AdminUsageError(`--host '${host}' is not a host id (lowercase letters, digits, - and _)`);
      return { kind, project: words[0], host };
    }
    case 'members.add':
      return { kind, project: required(values.project, '--project', 'its id or name'), email: checkEmail(required(values.email, '--email', "the member's email")), role: checkRole(values.role as string | undefined) };
    case 'members.remove':
      return { kind, project: required(values.project, '--project', 'its id or name'), email: checkEmail(required(values.email, '--email', "the member's email")) };
    case 'members.list':
      return { kind, project: required(values.project, '--project', 'its id or name') };
    case 'accounts.list':
    case 'projects.list':
      return { kind };
  }
}

/** Parses `accounts ...` / `projects ...` (argv from the subcommand's first word); throws AdminUsageError. */
export function parseAdminArgs(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AdminInvocation | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const { name, rest } = splitCommand(argv);
  const spec = COMMANDS[name];
  const { values, positionals } = readFlags(name, rest, spec.flags);
  if (positionals.length > spec.positionals) throw new AdminUsageError(`unexpected argument '${positionals[spec.positionals]}' for '${name}'`);
  const data = values.data === undefined ? defaultDataDir(env) : path.resolve(cwd, required(values.data, '--data', 'a folder'));
  const database = typeof values.database === 'string' ? checkDatabaseUrl(values.database, '--database') : env.CODEX_CHAT_DATABASE_URL ? checkDatabaseUrl(env.CODEX_CHAT_DATABASE_URL, 'CODEX_CHAT_DATABASE_URL') : undefined;
  return {
    command: commandOf(spec.kind, values as Record<string, string | boolean | undefined>, positionals, cwd),
    dataDir: data,
    databaseUrl: database,
    url: typeof values.url === 'string' ? checkUrl(values.url) : undefined,
  };
}
