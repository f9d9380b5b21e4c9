import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTAINER_CLI_OPTIONS, multiuserContainerSettingsFromArgs, type ContainerSettings } from '../../hub/containers/index.js';
import { isHostId } from '../subjects.js';

/** What `codex-chat project-host ...` asks for. */
export type ProjectHostCliOptions = {
  id: string;
  natsUrl: string;
  /** The 0600 JSON file with the host's NATS user and password. */
  natsCredentialsFile: string;
  /** postgres://... (from --database or env CODEX_CHAT_DATABASE_URL). */
  database: string;
  dataDir: string;
  /** Agents in their project's podman containers (the default); absent with `--sandbox none`. */
  containers?: ContainerSettings;
};

export const PROJECT_HOST_USAGE = `Usage: codex-chat project-host --id H --nats URL --nats-credentials FILE --database postgres://... --data DIR [--sandbox podman|none]
  --id H                    this host's id (lowercase letters, digits, - and _)
  --nats URL                the cluster's nats-server (nats://host:port, no credentials in it)
  --nats-credentials FILE   this host's NATS user and password (JSON, mode 0600; codex-chat cluster nats-config writes it)
  --database URL            the cluster's Postgres (or env CODEX_CHAT_DATABASE_URL, which keeps its password off the process list)
  --data DIR                the cluster's secret.key (copied here, 0600), installed agents, agent homes
  --sandbox podman|none     agents in project containers (default; needs --rootfs or --image) or on the host (development only)`;

/** A bad command line: one line, exit code 2. */
export class ProjectHostUsageError extends Error {}

const OPTIONS = {
  id: { type: 'string' },
  nats: { type: 'string' },
  'nats-credentials': { type: 'string' },
  database: { type: 'string' },
  data: { type: 'string' },
  ...CONTAINER_CLI_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '' || value.startsWith('--')) throw new ProjectHostUsageError(`project-host needs ${flag} (codex-chat project-host --help)`);
  return value;
}

/** Parses the arguments after `project-host`; 'help' for --help. Throws ProjectHostUsageError. */
export function parseProjectHostArgs(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ProjectHostCliOptions | 'help' {
  argv.forEach((arg, index) => {
    const option = arg.startsWith('--') && !arg.includes('=') ? OPTIONS[arg.slice(2) as keyof typeof OPTIONS] : undefined;
    const next = argv[index + 1];
    if (option?.type === 'string' && (next === undefined || next.startsWith('--'))) throw new ProjectHostUsageError(`${arg} needs a value (codex-chat project-host --help)`);
  });
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new ProjectHostUsageError(`${(error as Error).message.split('\n')[0]} (codex-chat project-host --help)`);
  }
  if (values.help) return 'help';
  const id = required(values.id, '--id H');
  if (!isHostId(id)) throw new ProjectHostUsageError(`--id must be lowercase letters, digits, - and _ (at most 63, starting with a letter or digit; got '${String(id).slice(0, 80)}')`);
  const natsUrl = required(values.nats, '--nats URL');
  if (!/^(nats|tls):\/\/[^/@\s]+$/.test(natsUrl)) throw new ProjectHostUsageError('--nats must be nats://host:port (credentials go in --nats-credentials, never in the URL)');
  const database = typeof values.database === 'string' ? values.database : env.CODEX_CHAT_DATABASE_URL;
  if (!database || !/^postgres(ql)?:\/\/./.test(database)) throw new ProjectHostUsageError('project-host needs --database postgres://... (or env CODEX_CHAT_DATABASE_URL): the cluster shares one Postgres');
  const fail = (message: string) => new ProjectHostUsageError(message.replace('--multiuser runs agents', 'a project host runs agents'));
  return {
    id,
    natsUrl,
    natsCredentialsFile: path.resolve(cwd, required(values['nats-credentials'], '--nats-credentials FILE')),
    database,
    dataDir: path.resolve(cwd, required(values.data, '--data DIR')),
    containers: multiuserContainerSettingsFromArgs(values, cwd, fail),
  };
}
