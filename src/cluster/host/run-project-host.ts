import { stopOnSignals } from '../../hub/stop-on-signals.js';
import { createTurnService } from '../../hub/turns/index.js';
import { checkContainerStart } from '../../multiuser/hub/project-containers.js';
import { NatsCredentialsError, readNatsCredentials } from '../nats-connection.js';
import { parseProjectHostArgs, PROJECT_HOST_USAGE, ProjectHostUsageError } from './project-host-args.js';
import { startProjectHost } from './project-host.js';

/**
 * `codex-chat project-host ...`: starts the host, prints `[host H] ready: serving N project(s) over
 * NATS` once it serves, stops on SIGINT/SIGTERM. Returns the exit code (0 while it runs; 2 for a bad
 * command line, 1 when it cannot start), the reason in one line.
 */
export async function runProjectHost(argv: string[]): Promise<number> {
  const log = (line: string) => console.log(line);
  let options;
  let credentials;
  try {
    options = parseProjectHostArgs(argv);
    if (options === 'help') {
      log(PROJECT_HOST_USAGE);
      return 0;
    }
    credentials = readNatsCredentials(options.natsCredentialsFile);
  } catch (error) {
    if (!(error instanceof ProjectHostUsageError) && !(error instanceof NatsCredentialsError)) throw error;
    console.error(`codex-chat: ${error.message}`);
    return 2;
  }
  const { id, containers } = options;
  try {
    if (containers) await checkContainerStart(containers);
    else console.warn(`[host ${id}] WARNING: --sandbox none: agents run ON THE HOST with the host's own rights, every project can reach every other (development only)`);
    const host = await startProjectHost({ id, natsUrl: options.natsUrl, natsCredentials: credentials, database: options.database, dataDir: options.dataDir, turnService: createTurnService, containers });
    if (containers) log(`[host ${id}] agents run in their project's podman containers (root ${containers.rootfs ?? containers.image}, network ${containers.network})`);
    log(`[host ${id}] ready: serving ${host.scopes.loaded().length} project(s) over NATS`);
    stopOnSignals(() => host.close(), 'documents, logs and the audit', log);
    return 0;
  } catch (error) {
    console.error(`codex-chat: could not start project host ${id}: ${(error as Error)?.message ?? error}`);
    return 1;
  }
}
