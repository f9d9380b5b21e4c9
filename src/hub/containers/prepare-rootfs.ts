// `codex-chat containers prepare DIR`: the default container root, offline. An empty folder with
// the usual top-level links into /usr and the mount points; the host's /usr and /etc are mounted
// read-only over it when a container starts (container-spec.ts), so nothing is copied.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { CONTAINER_HOME, CONTAINER_PROJECT_PATH } from './container-settings.js';

const LINKS: Record<string, string> = { bin: 'usr/bin', sbin: 'usr/sbin', lib: 'usr/lib', lib64: 'usr/lib64' };
const MOUNT_POINTS = ['usr', 'etc', 'proc', 'sys', 'dev', 'tmp', 'run', 'var/tmp', CONTAINER_PROJECT_PATH.slice(1), CONTAINER_HOME.slice(1)];

/** Builds (or checks and completes) the link-style root in `folder`; throws with a readable message on a conflict. */
export function prepareRootfs(folder: string): string {
  const root = path.resolve(folder);
  if (existsSync(root) && !lstatSync(root).isDirectory()) throw new Error(`${root} exists and is not a folder`);
  mkdirSync(root, { recursive: true, mode: 0o755 });
  for (const [name, target] of Object.entries(LINKS)) {
    const link = path.join(root, name);
    if (!existsSync(link) && !isSymlink(link)) symlinkSync(target, link);
    else if (!isSymlink(link) || readlinkSync(link) !== target) throw new Error(`${link} exists and is not a link to ${target}; use an empty folder`);
  }
  for (const mountPoint of MOUNT_POINTS) mkdirSync(path.join(root, mountPoint), { recursive: true, mode: 0o755 });
  return root;
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A full Debian root with debootstrap (needs the network and the debootstrap package), then the mount points. */
export function prepareDebootstrapRootfs(folder: string, suite = 'stable'): string {
  const root = path.resolve(folder);
  if (existsSync(root) && readdirSync(root).length > 0) throw new Error(`${root} is not empty; debootstrap needs an empty folder`);
  const result = spawnSync('debootstrap', ['--variant=minbase', suite, root], { stdio: 'inherit' });
  if (result.error) throw new Error(`debootstrap could not run (${result.error.message}); install it (apt-get install debootstrap) or use the default root`);
  if (result.status !== 0) throw new Error(`debootstrap failed with code ${result.status}`);
  for (const mountPoint of [CONTAINER_PROJECT_PATH.slice(1), CONTAINER_HOME.slice(1)]) mkdirSync(path.join(root, mountPoint), { recursive: true, mode: 0o755 });
  return root;
}
