// `codex-chat cluster nats-config ...`: writes the nats-server config and credentials, then says
// what it wrote and how to start nats-server and each process with its file.
import { NatsCredentialsError } from './nats-connection.js';
import { FRONT_NATS_USER, hostNatsUser, NatsConfigError, writeNatsConfig } from './nats-config.js';
import { CLUSTER_USAGE, ClusterUsageError, parseClusterArgs } from './nats-config-args.js';

export type ClusterCommandResult = { exitCode: number; stdout: string[]; stderr: string[] };

/** Runs `cluster ...` (argv from `cluster` on): what to print and the exit code (2: bad input). */
export async function clusterCommand(argv: string[], cwd = process.cwd()): Promise<ClusterCommandResult> {
  let invocation;
  try {
    invocation = parseClusterArgs(argv, cwd);
    if (invocation === 'help') return { exitCode: 0, stdout: [CLUSTER_USAGE], stderr: [] };
    const written = await writeNatsConfig(invocation);
    const fileLine = (user: string) => `${written.kept.includes(user) ? 'kept' : 'wrote'} ${written.credentialsFiles[user]}${written.kept.includes(user) ? ' (existing credentials)' : ''}`;
    return {
      exitCode: 0,
      stdout: [
        `wrote ${written.configFile} (users ${Object.keys(written.credentialsFiles).join(', ')}; listens on ${invocation.listen})`,
        ...Object.keys(written.credentialsFiles).map(fileLine),
        `start nats-server with: nats-server -c ${written.configFile}`,
        `then give each process its own file (copy it to that machine, mode 0600):`,
        `  codex-chat front --nats-credentials ${written.credentialsFiles[FRONT_NATS_USER]} ...`,
        ...invocation.hosts.map((host) => `  codex-chat project-host --id ${host} --nats-credentials ${written.credentialsFiles[hostNatsUser(host)]} ...`),
      ],
      stderr: [],
    };
  } catch (error) {
    if (error instanceof ClusterUsageError || error instanceof NatsConfigError) return { exitCode: 2, stdout: [], stderr: [error.message] };
    if (error instanceof NatsCredentialsError) return { exitCode: 1, stdout: [], stderr: [error.message] };
    return { exitCode: 1, stdout: [], stderr: [`could not write the NATS config: ${(error as Error).message}`] };
  }
}

export async function runClusterCli(argv: string[]): Promise<number> {
  const result = await clusterCommand(argv);
  for (const line of result.stdout) console.log(line);
  for (const line of result.stderr) console.error(`codex-chat: ${line}`);
  return result.exitCode;
}
