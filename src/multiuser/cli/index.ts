// The admin CLI (`codex-chat accounts|projects ...`) and the hub's admin socket it talks to.
export { runAdminCli, DEFAULT_BASE_URL } from './admin-cli.js';
export { startAdminSocket, type AdminSocket, type AdminSocketOptions } from './admin-socket.js';
export { ADMIN_USAGE, defaultDataDir } from './admin-args.js';
export { hostsCommand, runHostsCli } from './hosts-cli.js';
