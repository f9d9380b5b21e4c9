import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The options of `codex-chat front`. */
export type FrontCliOptions = {
  natsUrl: string;
  /** The 0600 JSON file with the front's NATS user and password. */
  natsCredentialsFile: string;
  /** `postgres://...` (from --database or env CODEX_CHAT_DATABASE_URL, which keeps a password off the process list). */
  database: string;
  /** Holds secret.key only. */
  dataDir: string;
  host: string;
  port: number;
  open: boolean;
  build: boolean;
  secureCookies: boolean;
};

/** A bad command line: one line for the user, exit code 2. */
export class FrontUsageError extends Error {}

export const FRONT_USAGE = `Usage: codex-chat front --nats URL --nats-credentials FILE --database postgres://... [options]
The web front of a cluster: login, sessions, the API; project calls go to the project hosts over NATS.
  --nats URL               nats://host:port of the cluster's nats-server (no credentials in it)
  --nats-credentials FILE  the front's NATS user, a 0600 JSON file ({ "user": ..., "password": ... })
  --database URL           the cluster's Postgres (postgres://...; prefer env CODEX_CHAT_DATABASE_URL,
                           which keeps its password off the process list)
  --data DIR               holds the cluster's secret.key (default: ~/.local/state/codex-chat)
  --host ADDRESS           address to listen on (default: 127.0.0.1)
  --port N                 port (default: a free one)
  --secure-cookies         mark session cookies Secure (served over https by a proxy)
  --no-open                do not open a browser
  --no-build               serve dist/app as it is (do not rebuild the web app from sources)
  --help                   this text`;

const OPTIONS = {
  nats: { type: 'string' },
  'nats-credentials': { type: 'string' },
  database: { type: 'string' },
  data: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'secure-cookies': { type: 'boolean' },
  'no-open': { type: 'boolean' },
  'no-build': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function valueOf(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (value === '') throw new FrontUsageError(`--${name} needs a value`);
  return String(value);
}

function required(value: string | undefined, name: string, what: string): string {
  if (value === undefined) throw new FrontUsageError(`--${name} is required (${what})`);
  return value;
}

function read(argv: string[]) {
  argv.forEach((arg, index) => {
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (!name || OPTIONS[name as keyof typeof OPTIONS]?.type !== 'string') return;
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('-')) throw new FrontUsageError(`--${name} needs a value${next === undefined ? '' : ` (got ${next})`}`);
  });
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1]?.split(' ')[0] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new FrontUsageError(`unknown option ${flag} (codex-chat front --help lists the options)`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new FrontUsageError(`unexpected argument ${flag}`);
    throw new FrontUsageError((error as Error).message.split('\n')[0]);
  }
}

/** Parses the arguments after `front`; 'help', or the options; throws FrontUsageError. */
export function parseFrontArgs(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): FrontCliOptions | 'help' {
  const values = read(argv);
  if (values.help) return 'help';
  const natsUrl = required(valueOf(values, 'nats'), 'nats', 'nats://host:port of the cluster');
  if (!/^(nats|tls):\/\/[^/\s]+$/.test(natsUrl)) throw new FrontUsageError(`--nats must be a nats://host:port URL (got ${natsUrl.slice(0, 100)})`);
  if (/@/.test(natsUrl)) throw new FrontUsageError('--nats must not contain credentials: put them in the --nats-credentials file');
  const database = valueOf(values, 'database') ?? (env.CODEX_CHAT_DATABASE_URL || undefined);
  if (database === undefined) throw new FrontUsageError('--database is required (postgres://...; or env CODEX_CHAT_DATABASE_URL)');
  if (!/^postgres(ql)?:\/\/./.test(database)) throw new FrontUsageError('--database must be a postgres:// URL');
  const port = valueOf(values, 'port') ?? '0';
  if (!/^\d+$/.test(port) || Number(port) > 65_535) throw new FrontUsageError(`--port must be an integer from 0 to 65535 (got '${port}')`);
  const data = valueOf(values, 'data');
  return {
    natsUrl,
    natsCredentialsFile: path.resolve(cwd, required(valueOf(values, 'nats-credentials'), 'nats-credentials', "a 0600 JSON file with the front's NATS user")),
    database,
    dataDir: data ? path.resolve(cwd, data) : path.join(env.XDG_STATE_HOME || path.join(os.homedir(), '.local/state'), 'codex-chat'),
    host: valueOf(values, 'host') ?? '127.0.0.1',
    port: Number(port),
    open: !values['no-open'],
    build: !values['no-build'],
    secureCookies: values['secure-cookies'] === true,
  };
}
