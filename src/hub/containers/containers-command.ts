// `codex-chat containers prepare DIR [--debootstrap [--suite NAME]]`: builds a container root offline.
import { parseArgs } from 'node:util';
import { prepareDebootstrapRootfs, prepareRootfs } from './prepare-rootfs.js';

const USAGE = `Usage: codex-chat containers prepare DIR [--debootstrap [--suite NAME]]
  Makes DIR a root folder for --sandbox podman --rootfs DIR: links bin, lib, lib64, sbin into usr
  and the mount points (the host's /usr and /etc are mounted read-only over it); nothing is
  downloaded. --debootstrap builds a full Debian root instead (needs debootstrap and the network).`;

/** Runs the subcommand; returns the exit code (2 for a bad command line, 1 when preparing failed). */
export function runContainersCommand(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { debootstrap: { type: 'boolean' }, suite: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`codex-chat containers: ${(error as Error).message.split('\n')[0]}`);
    return 2;
  }
  const [action, folder, ...rest] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (action !== 'prepare' || !folder || rest.length > 0) {
    console.error(`codex-chat containers: ${action === 'prepare' ? (folder ? `unexpected argument '${rest[0]}'` : 'prepare needs a folder') : `unknown action '${action ?? ''}' (try: containers prepare DIR)`}`);
    return 2;
  }
  try {
    const root = parsed.values.debootstrap ? prepareDebootstrapRootfs(folder, parsed.values.suite) : prepareRootfs(folder);
    console.log(`[containers] root ready: ${root} (start the hub with --sandbox podman --rootfs ${root})`);
    return 0;
  } catch (error) {
    console.error(`codex-chat containers: ${(error as Error).message}`);
    return 1;
  }
}
