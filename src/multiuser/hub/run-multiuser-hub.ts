import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppIfNeeded } from '../../hub/build-app.js';
import type { MultiuserCliOptions } from '../../hub/cli-args.js';
import { openBrowser } from '../../hub/open-browser.js';
import { stopOnSignals } from '../../hub/stop-on-signals.js';
import { createTurnService } from '../../hub/turns/index.js';
import { listAccounts } from '../db/index.js';
import { startMultiuserHub } from './multiuser-hub.js';
import { checkContainerStart } from './project-containers.js';

// src/multiuser/hub from sources, dist/multiuser/hub compiled: the package root is three folders up either way.
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `codex-chat --multiuser`: starts the shared hub, says where it is and how to make the first admin, stops on SIGINT/SIGTERM. */
export async function runMultiuserHub(options: MultiuserCliOptions): Promise<void> {
  const log = (line: string) => console.log(line);
  if (options.build) await buildAppIfNeeded(PROJECT_ROOT, log);
  const { containers } = options;
  if (containers) await checkContainerStart(containers);
  else console.warn('[hub] WARNING: --sandbox none: agents run ON THE HOST with the hub\'s own rights, every project can reach every other (development only)');
  const hub = await startMultiuserHub({ dataDir: options.dataDir, database: options.database, host: options.host, port: options.port, turnService: createTurnService, containers });
  if (containers) log(`[hub] agents run in their project's podman containers (root ${containers.rootfs ?? containers.image}, network ${containers.network})`);
  log(`[hub] multiuser data in ${hub.dataDir} (${options.database ? 'Postgres server' : `PGlite in ${path.join(hub.dataDir, 'db')}`})`);
  log(`[hub] codex-chat (multiuser) is running at ${hub.url}`);
  const dataFlag = ` --data ${hub.dataDir}`;
  if ((await listAccounts(hub.db)).length === 0) {
    log(`[hub] no accounts yet: create the first admin with  codex-chat accounts add --admin --email you@example.com --name "Your Name"${dataFlag}`);
    log(`[hub] it prints a one-time login link; then add projects with  codex-chat projects add --name NAME --owner you@example.com${dataFlag}`);
  }
  if (options.open) openBrowser(hub.url, log);

  stopOnSignals(() => hub.close(), 'documents, logs and the audit', log);
}
