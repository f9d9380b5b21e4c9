import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppIfNeeded } from '../../hub/build-app.js';
import { openBrowser } from '../../hub/open-browser.js';
import { stopOnSignals } from '../../hub/stop-on-signals.js';
import { readNatsCredentials } from '../nats-connection.js';
import { FRONT_USAGE, FrontUsageError, parseFrontArgs } from './front-args.js';
import { startFrontHub } from './front-hub.js';

// src/cluster/front from sources, dist/cluster/front compiled: the package root is three folders up either way.
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * `codex-chat front ...` (argv after `front`): starts the front hub, says where it is, stops on
 * SIGINT/SIGTERM. Returns the exit code of a failed start (2: bad command line, 1: could not
 * start); 0 once it runs.
 */
export async function runFront(argv: string[]): Promise<number> {
  const log = (line: string) => console.log(line);
  let options;
  try {
    options = parseFrontArgs(argv);
  } catch (error) {
    if (!(error instanceof FrontUsageError)) throw error;
    console.error(`codex-chat front: ${error.message}`);
    return 2;
  }
  if (options === 'help') {
    log(FRONT_USAGE);
    return 0;
  }
  try {
    const natsCredentials = readNatsCredentials(options.natsCredentialsFile);
    if (options.build) await buildAppIfNeeded(PROJECT_ROOT, log);
    const front = await startFrontHub({
      natsUrl: options.natsUrl,
      natsCredentials,
      database: options.database,
      dataDir: options.dataDir,
      host: options.host,
      port: options.port,
      secureCookies: options.secureCookies,
    });
    log(`[front] front id ${front.frontId}, NATS ${options.natsUrl}, secret.key in ${options.dataDir}`);
    log(`[front] codex-chat (cluster front) is running at ${front.url}`);
    if (options.open) openBrowser(front.url, log);
    stopOnSignals(() => front.close(), 'the audit', log);
    return 0;
  } catch (error) {
    // Start-up failures (NATS or Postgres unreachable, bad credentials file, port taken) are the operator's to fix: one line.
    console.error(`codex-chat front: could not start: ${(error as Error).message}`);
    return 1;
  }
}
