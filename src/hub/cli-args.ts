import os from 'node:os';
import path from 'node:path';

/** The command line of `codex-chat`. */
export type CliOptions = {
  root: string;
  port: number;
  host: string;
  stateDir: string;
  open: boolean;
  build: boolean;
  adminToken?: string;
  help: boolean;
};

export const USAGE = `Usage: codex-chat [options]
  --root DIR          workspace folder (default: the current folder)
  --port N            port (default: a free one)
  --host ADDRESS      address to listen on (default: 127.0.0.1)
  --state-dir DIR     settings, secrets and turn logs (default: ~/.local/state/codex-chat)
  --no-open           do not open a browser
  --no-build          serve dist/app as it is (do not rebuild the web app)
  --admin-token TOKEN only clients presenting this token (?admin=...) may change settings
                      (or set CODEX_CHAT_ADMIN_TOKEN, which keeps it off the process list)
  --help              this text`;

/** Parses argv (without node and the script); throws with a readable message on a bad flag. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): CliOptions {
  const options: CliOptions = {
    root: cwd,
    port: 0,
    host: '127.0.0.1',
    stateDir: path.join(env.XDG_STATE_HOME ?? path.join(os.homedir(), '.local/state'), 'codex-chat'),
    open: true,
    build: true,
    adminToken: env.CODEX_CHAT_ADMIN_TOKEN || undefined,
    help: false,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2);
    const value = () => {
      const next = inline ?? argv[++index];
      if (next === undefined || next === '') throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--root':
        options.root = path.resolve(cwd, value());
        break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be an integer from 0 to 65535');
        options.port = port;
        break;
      }
      case '--host':
        options.host = value();
        break;
      case '--state-dir':
        options.stateDir = path.resolve(cwd, value());
        break;
      case '--no-open':
        options.open = false;
        break;
      case '--no-build':
        options.build = false;
        break;
      case '--admin-token':
        options.adminToken = value();
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return options;
}
