// `codex-chat cluster nats-config --hosts h1,h2 --out DIR [--listen HOST:PORT]`: the command line (pure).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_NATS_LISTEN } from './nats-config.js';

export const CLUSTER_USAGE = `Usage: codex-chat cluster nats-config --hosts h1,h2 --out DIR [--listen HOST:PORT]
  writes DIR/nats-server.conf (users and permissions, no anonymous access) and one 0600 credentials
  file per process: DIR/front.json, DIR/host-<id>.json (existing ones are kept: run it again to add hosts)
  --listen HOST:PORT   where nats-server listens (default ${DEFAULT_NATS_LISTEN})`;

/** A bad `cluster` command line: one line, exit code 2. */
export class ClusterUsageError extends Error {}

export type NatsConfigInvocation = { hosts: string[]; outDir: string; listen: string };

export function parseClusterArgs(argv: string[], cwd = process.cwd()): NatsConfigInvocation | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv.slice(1);
  if (command === undefined || command.startsWith('-')) throw new ClusterUsageError('cluster needs a command: nats-config');
  if (command !== 'nats-config') throw new ClusterUsageError(`unknown command 'cluster ${command}' (cluster: nats-config)`);
  let values: { hosts?: string; out?: string; listen?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, options: { hosts: { type: 'string' }, out: { type: 'string' }, listen: { type: 'string' } }, strict: true, allowPositionals: true }));
  } catch (error) {
    throw new ClusterUsageError(`${(error as Error).message.split('\n')[0]} (codex-chat cluster --help lists the options)`);
  }
  if (positionals.length > 0) throw new ClusterUsageError(`unexpected argument '${positionals[0]}' for 'cluster nats-config'`);
  if (!values.hosts?.trim()) throw new ClusterUsageError("--hosts is required (the project hosts' ids: --hosts h1,h2)");
  if (!values.out?.trim()) throw new ClusterUsageError('--out is required (the folder to write the config and the credentials files in)');
  return { hosts: values.hosts.split(',').map((host) => host.trim()), outDir: path.resolve(cwd, values.out), listen: values.listen ?? DEFAULT_NATS_LISTEN };
}
