// `codex-chat hosts list --database URL`: the command line (pure, no database).
import { parseArgs } from 'node:util';
import { AdminUsageError } from './admin-args.js';

export const HOSTS_USAGE = `Usage: codex-chat hosts list --database postgres://...   a cluster's project hosts: up or down, last seen, projects
  --database URL    the cluster's Postgres server; prefer env CODEX_CHAT_DATABASE_URL, which keeps a password off the process list`;

export type HostsInvocation = { command: 'list'; databaseUrl: string };

export function parseHostsArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HostsInvocation | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv.slice(1);
  if (command === undefined || command.startsWith('-')) throw new AdminUsageError('hosts needs a command: list');
  if (command !== 'list') throw new AdminUsageError(`unknown command 'hosts ${command}' (hosts: list)`);
  let values: { database?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, options: { database: { type: 'string' } }, strict: true, allowPositionals: true }));
  } catch (error) {
    throw new AdminUsageError(`${(error as Error).message.split('\n')[0]} (codex-chat hosts --help lists the options)`);
  }
  if (positionals.length > 0) throw new AdminUsageError(`unexpected argument '${positionals[0]}' for 'hosts list'`);
  const url = values.database ?? (env.CODEX_CHAT_DATABASE_URL || undefined);
  const source = values.database !== undefined ? '--database' : 'CODEX_CHAT_DATABASE_URL';
  if (url === undefined) throw new AdminUsageError("hosts list needs the cluster's database: --database postgres://... (or env CODEX_CHAT_DATABASE_URL)");
  if (!/^postgres(ql)?:\/\/./.test(url)) throw new AdminUsageError(`${source} must be a postgres:// URL`);
  return { command: 'list', databaseUrl: url };
}
