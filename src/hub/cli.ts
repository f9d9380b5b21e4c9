import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppIfNeeded } from './build-app.js';
import { parseCliArgs, USAGE } from './cli-args.js';
import { openBrowser } from './open-browser.js';
import { startHub } from './server.js';
import { createTurnService } from './turns/index.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `codex-chat` / `npm start`: build the app if needed, start the hub, print and open its URL. */
export async function main(argv: string[]): Promise<void> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    console.error(`codex-chat: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const log = (line: string) => console.log(line);
  if (options.build) await buildAppIfNeeded(PROJECT_ROOT, log);
  const hub = await startHub({
    root: options.root,
    stateDir: options.stateDir,
    host: options.host,
    port: options.port,
    adminToken: options.adminToken,
    turnService: createTurnService,
  });
  log(`[hub] workspace ${hub.root}`);
  log(`[hub] state in ${hub.stateDir}`);
  log(`[hub] codex-chat is running at ${hub.url}`);
  if (options.open) openBrowser(hub.url, log);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[hub] ${signal}: saving documents and logs, stopping agents...`);
    hub.close().then(
      () => {
        log('[hub] stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('[hub] shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
