import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTAINER_CLI_OPTIONS, CONTAINER_USAGE, containerSettingsFromArgs, multiuserContainerSettingsFromArgs, type ContainerSettings } from './containers/index.js';

/** The options of `codex-chat` (the hub). */
export type CliOptions = {
  root: string;
  port: number;
  host: string;
  stateDir: string;
  open: boolean;
  build: boolean;
  token?: string;
  adminToken?: string;
  /** `--sandbox podman`: agents run in the workspace's project container with these settings. */
  sandbox?: ContainerSettings;
};

/** The options of `codex-chat --multiuser` (the shared service). */
export type MultiuserCliOptions = {
  /** Database (PGlite), secret.key, project state and default project folders. */
  dataDir: string;
  /** `postgres://...` (from --database or env CODEX_CHAT_DATABASE_URL); absent: PGlite in `<dataDir>/db`. */
  database?: string;
  port: number;
  host: string;
  open: boolean;
  build: boolean;
  /** Agents run in their project's podman containers with these settings; absent (`--sandbox none`): on the host. */
  containers?: ContainerSettings;
};

/** What the command line asks for. */
export type CliCommand =
  | { kind: 'hub'; options: CliOptions }
  | { kind: 'multiuser'; options: MultiuserCliOptions }
  | { kind: 'help' }
  | { kind: 'version' };

/** A bad command line: one line for the user, exit code 2. */
export class CliUsageError extends Error {}

export const USAGE = `Usage: codex-chat [options]
       codex-chat agents install <id>...   install agents' npm packages (e.g. codex);
                                           codex-chat agents install --help for its options
       codex-chat containers prepare DIR   a root folder for --sandbox podman (offline)
       codex-chat accounts|projects ...    multiuser admin (accounts, projects, members, moves)
       codex-chat front ...                cluster: the front hub (web, login, membership) over NATS
       codex-chat project-host --id H ...  cluster: a project host (chats, turns, agents) over NATS
       codex-chat hosts list               cluster: the project hosts and their projects
       codex-chat cluster nats-config ...  cluster: nats-server config and per-process credentials
                                           (each takes --help)
Options:
  --root DIR          workspace folder (default: the current folder; env CODEX_CHAT_ROOT)
  --port N            port (default: a free one; env CODEX_CHAT_PORT)
  --host ADDRESS      address to listen on (default: 127.0.0.1; env CODEX_CHAT_HOST)
  --state-dir DIR     settings, secrets and turn logs (default: ~/.local/state/codex-chat)
  --token TOKEN       a fixed access token, so the URL stays the same across restarts
                      (at least 16 of A-Z a-z 0-9 . _ ~ -; prefer env CODEX_CHAT_TOKEN,
                      which keeps it off the process list)
  --admin-token TOKEN only clients presenting this token (?admin=...) may change settings
                      (or env CODEX_CHAT_ADMIN_TOKEN, which keeps it off the process list)
${CONTAINER_USAGE}
  --multiuser         the shared service: accounts, login, projects and roles, audit
                      (create the first admin with codex-chat accounts add --admin ...);
                      its agents run in project containers: --sandbox podman is the default
                      and needs --rootfs or --image; --sandbox none runs them on the host
                      (development only)
  --data DIR          multiuser data: database, secret key, projects (default: the state dir)
  --database URL      multiuser store on a Postgres server (postgres://...; prefer env
                      CODEX_CHAT_DATABASE_URL, which keeps its password off the process list)
  --no-open           do not open a browser
  --no-build          serve dist/app as it is (do not rebuild the web app from sources)
  --version           print the version
  --help              this text`;

const OPTIONS = {
  root: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'state-dir': { type: 'string' },
  token: { type: 'string' },
  'admin-token': { type: 'string' },
  multiuser: { type: 'boolean' },
  data: { type: 'string' },
  database: { type: 'string' },
  ...CONTAINER_CLI_OPTIONS,
  'no-open': { type: 'boolean' },
  'no-build': { type: 'boolean' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
const STRING_OPTIONS = Object.keys(OPTIONS).filter((name) => OPTIONS[name as keyof typeof OPTIONS].type === 'string');
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{16,}$/;

function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new CliUsageError(`${source} must be an integer from 0 to 65535 (got '${text}')`);
  return port;
}

function checkToken(token: string, source: string): string {
  if (!TOKEN_PATTERN.test(token)) throw new CliUsageError(`${source} must be at least 16 characters of A-Z a-z 0-9 . _ ~ -`);
  return token;
}

/**
 * `parseArgs` reads `--root --no-open` as an ambiguous value and says so in three lines; we check
 * it first so the user gets one line naming the flag that lacks its value.
 */
function checkValuesPresent(argv: string[]): void {
  argv.forEach((arg, index) => {
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (!name || !STRING_OPTIONS.includes(name)) return;
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('-')) throw new CliUsageError(`--${name} needs a value${next === undefined ? '' : ` (got ${next})`}`);
  });
}

function readArgs(argv: string[]) {
  checkValuesPresent(argv);
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1]?.split(' ')[0] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new CliUsageError(`unknown option ${flag} (codex-chat --help lists the options)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new CliUsageError(`${flag} takes no value`);
    throw new CliUsageError((error as Error).message.split('\n')[0]);
  }
}

function nonEmpty(value: string | boolean | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === '') throw new CliUsageError(`${flag} needs a value`);
  return String(value);
}

function checkDatabaseUrl(url: string, source: string): string {
  if (!/^postgres(ql)?:\/\/./.test(url)) throw new CliUsageError(`${source} must be a postgres:// URL`);
  return url;
}

type ParsedValues = ReturnType<typeof readArgs>['values'];

/** `--multiuser`: the lite-only options are refused (one line), the data dir defaults to the state dir. */
function multiuserCommand(values: ParsedValues, env: NodeJS.ProcessEnv, cwd: string, stateDir: string): CliCommand {
  for (const flag of ['root', 'token', 'admin-token'] as const) {
    if (values[flag] !== undefined) throw new CliUsageError(`--${flag} is for lite mode; a multiuser hub has projects (codex-chat projects add) and logins`);
  }
  const data = nonEmpty(values.data, '--data');
  const database = nonEmpty(values.database, '--database');
  const port = nonEmpty(values.port, '--port');
  return {
    kind: 'multiuser',
    options: {
      dataDir: data ? path.resolve(cwd, data) : stateDir,
      database: database ? checkDatabaseUrl(database, '--database') : env.CODEX_CHAT_DATABASE_URL ? checkDatabaseUrl(env.CODEX_CHAT_DATABASE_URL, 'CODEX_CHAT_DATABASE_URL') : undefined,
      port: port !== undefined ? parsePort(port, '--port') : env.CODEX_CHAT_PORT ? parsePort(env.CODEX_CHAT_PORT, 'CODEX_CHAT_PORT') : 0,
      host: nonEmpty(values.host, '--host') ?? (env.CODEX_CHAT_HOST || '127.0.0.1'),
      open: !values['no-open'],
      build: !values['no-build'],
      containers: multiuserContainerSettingsFromArgs(values, cwd, (message) => new CliUsageError(message)),
    },
  };
}

/** Parses argv (without node and the script) and the CODEX_CHAT_* variables; throws CliUsageError. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): CliCommand {
  const { values, positionals } = readArgs(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const stateDirFlag = nonEmpty(values['state-dir'], '--state-dir');
  const stateDir = stateDirFlag ? path.resolve(cwd, stateDirFlag) : path.join(env.XDG_STATE_HOME || path.join(os.homedir(), '.local/state'), 'codex-chat');
  // `agents ...` never gets here (cli.ts hands it to its own parser): any word is a stray one.
  if (positionals.length > 0) throw new CliUsageError(`unexpected argument '${positionals[0]}' (a workspace folder goes after --root)`);
  if (values.multiuser) return multiuserCommand(values, env, cwd, stateDir);
  if (values.data !== undefined || values.database !== undefined) throw new CliUsageError(`--${values.data !== undefined ? 'data' : 'database'} is for --multiuser`);
  const root = nonEmpty(values.root, '--root') ?? (env.CODEX_CHAT_ROOT || undefined);
  const port = nonEmpty(values.port, '--port');
  const token = nonEmpty(values.token, '--token');
  return {
    kind: 'hub',
    options: {
      root: root ? path.resolve(cwd, root) : cwd,
      port: port !== undefined ? parsePort(port, '--port') : env.CODEX_CHAT_PORT ? parsePort(env.CODEX_CHAT_PORT, 'CODEX_CHAT_PORT') : 0,
      host: nonEmpty(values.host, '--host') ?? (env.CODEX_CHAT_HOST || '127.0.0.1'),
      stateDir,
      open: !values['no-open'],
      build: !values['no-build'],
      token: token !== undefined ? checkToken(token, '--token') : env.CODEX_CHAT_TOKEN ? checkToken(env.CODEX_CHAT_TOKEN, 'CODEX_CHAT_TOKEN') : undefined,
      adminToken: nonEmpty(values['admin-token'], '--admin-token') ?? (env.CODEX_CHAT_ADMIN_TOKEN || undefined),
      sandbox: containerSettingsFromArgs(values, cwd, (message) => new CliUsageError(message)),
    },
  };
}

/** The workspace must be an existing folder, and the state dir a folder if it exists (the hub creates it otherwise). */
export function checkFolders(options: CliOptions): void {
  const kindOf = (folder: string) => {
    try {
      return statSync(folder).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'missing';
    }
  };
  const root = kindOf(options.root);
  if (root === 'missing') throw new CliUsageError(`the workspace folder ${options.root} does not exist`);
  if (root === 'file') throw new CliUsageError(`the workspace ${options.root} is a file, not a folder`);
  if (kindOf(options.stateDir) === 'file') throw new CliUsageError(`the state dir ${options.stateDir} is a file, not a folder`);
}
