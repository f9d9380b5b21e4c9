import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppIfNeeded } from './build-app.js';
import { runAgentsInstall } from './cli-agents-install.js';
import { checkPodman, containerSettingsInfo, createContainerLauncher, liteProjectId, runContainersCommand, withAgentLauncher } from './containers/index.js';
import { checkFolders, CliUsageError, parseCliArgs, USAGE, type CliOptions } from './cli-args.js';
import { openBrowser } from './open-browser.js';
import { startHub } from './server.js';
import { stopOnSignals } from './stop-on-signals.js';
import { createTurnService } from './turns/index.js';

// src/hub/cli.ts from sources, dist/hub/cli.js compiled: the package root is two folders up either way.
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** One line on stderr and an exit code; never a stack trace. */
function fail(message: string, exitCode: number): void {
  console.error(`codex-chat: ${message}`);
  process.exitCode = exitCode;
}

/** `codex-chat` / `npm start`: parse the command line, then run the hub or a subcommand. */
export async function main(argv: string[]): Promise<void> {
  // `codex-chat agents install <id>...`: the agents subcommand parses its own arguments.
  if (argv[0] === 'agents') {
    process.exitCode = await runAgentsInstall(argv.slice(1));
    return;
  }
  // `codex-chat accounts|projects ...`: the multiuser admin CLI (loaded only when used: it brings the database drivers).
  if (argv[0] === 'accounts' || argv[0] === 'projects') {
    const { runAdminCli } = await import('../multiuser/cli/index.js');
    process.exitCode = await runAdminCli(argv);
    return;
  }
  // `codex-chat hosts list` (a cluster's project hosts) and `codex-chat cluster nats-config` (loaded only when used).
  if (argv[0] === 'hosts') {
    const { runHostsCli } = await import('../multiuser/cli/index.js');
    process.exitCode = await runHostsCli(argv);
    return;
  }
  if (argv[0] === 'cluster') {
    const { runClusterCli } = await import('../cluster/nats-config-cli.js');
    process.exitCode = await runClusterCli(argv);
    return;
  }
  // `codex-chat project-host --id H ...`: a cluster's project host (loaded only when used: NATS, database drivers).
  if (argv[0] === 'project-host') {
    const { runProjectHost } = await import('../cluster/host/run-project-host.js');
    process.exitCode = await runProjectHost(argv.slice(1));
    return;
  }
  // `codex-chat front --nats URL ...`: a cluster's front hub (loaded only when used: NATS, database drivers).
  if (argv[0] === 'front') {
    const { runFront } = await import('../cluster/front/run-front.js');
    process.exitCode = await runFront(argv.slice(1));
    return;
  }
  // `codex-chat containers prepare DIR`: the container root, offline.
  if (argv[0] === 'containers') {
    process.exitCode = runContainersCommand(argv.slice(1));
    return;
  }
  let command;
  try {
    command = parseCliArgs(argv);
    if (command.kind === 'hub') checkFolders(command.options);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return fail(error.message, 2);
  }
  if (command.kind === 'help') return console.log(USAGE);
  if (command.kind === 'version') return console.log(packageVersion());
  try {
    if (command.kind === 'multiuser') {
      // Loaded only when used: it brings the database drivers.
      const { runMultiuserHub } = await import('../multiuser/hub/run-multiuser-hub.js');
      await runMultiuserHub(command.options);
    } else await runHub(command.options);
  } catch (error) {
    // Start-up failures (port taken, address not available, state dir not writable) are the
    // user's to fix: say what failed in one line.
    fail(`could not start the hub: ${(error as Error).message}`, 1);
  }
}

/** The turn service: agents on the host, or with `--sandbox podman` in the workspace's project container. */
async function turnServiceFor(options: CliOptions) {
  if (!options.sandbox) return createTurnService;
  await checkPodman(options.sandbox.podman ?? 'podman');
  const root = realpathSync(options.root);
  return withAgentLauncher(createTurnService, createContainerLauncher({ projectId: liteProjectId(root), root, stateDir: options.stateDir, settings: options.sandbox }));
}

async function runHub(options: CliOptions): Promise<void> {
  const log = (line: string) => console.log(line);
  if (options.build) await buildAppIfNeeded(PROJECT_ROOT, log);
  const hub = await startHub({
    root: options.root,
    stateDir: options.stateDir,
    host: options.host,
    port: options.port,
    token: options.token,
    adminToken: options.adminToken,
    turnService: await turnServiceFor(options),
    ...(options.sandbox ? { containers: containerSettingsInfo(options.sandbox) } : {}),
  });
  log(`[hub] workspace ${hub.root}`);
  if (options.sandbox) log(`[hub] agents run in podman containers (root ${options.sandbox.rootfs ?? options.sandbox.image}, network ${options.sandbox.network})`);
  log(`[hub] state in ${hub.stateDir}`);
  log(`[hub] codex-chat is running at ${hub.url}`);
  if (options.open) openBrowser(hub.url, log);

  stopOnSignals(() => hub.close(), 'documents and logs', log);
}
