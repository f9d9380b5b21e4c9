// The hub's container options (`--sandbox podman` and its settings), parsed apart from cli-args.ts
// so that file only lists them.
import path from 'node:path';
import { DEFAULT_CONTAINER_SETTINGS, type ContainerNetwork, type ContainerSettings } from './container-settings.js';

/** parseArgs definitions of the container options. */
export const CONTAINER_CLI_OPTIONS = {
  sandbox: { type: 'string' },
  rootfs: { type: 'string' },
  image: { type: 'string' },
  'container-network': { type: 'string' },
  'container-memory': { type: 'string' },
  'container-pids': { type: 'string' },
  'container-cpus': { type: 'string' },
  'container-idle-stop': { type: 'string' },
} as const;

export const CONTAINER_USAGE = `  --sandbox podman    run agents in a podman container of the workspace (README: Project containers)
  --rootfs DIR        the containers' root folder (codex-chat containers prepare DIR makes one)
  --image NAME        or an image (where a registry or the local store has it)
  --container-network on|off|host-loopback   default on (off: --network=none)
  --container-memory SIZE    default 4g;  --container-pids N  default 512
  --container-cpus N         default 2;   --container-idle-stop SECONDS  default 600`;

type Values = Partial<Record<keyof typeof CONTAINER_CLI_OPTIONS, string | boolean>>;

const NETWORKS: ContainerNetwork[] = ['on', 'off', 'host-loopback'];

function positive(text: string | undefined, flag: string, fail: (message: string) => Error): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw fail(`${flag} must be a positive number (got '${text}')`);
  return value;
}

/**
 * The container settings the command line asks for, or undefined without `--sandbox podman`;
 * `fail` makes the CLI's usage error (one line, exit 2).
 */
export function containerSettingsFromArgs(values: Values, cwd: string, fail: (message: string) => Error): ContainerSettings | undefined {
  const text = (name: keyof Values) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const sandbox = text('sandbox');
  const containerFlags = (Object.keys(CONTAINER_CLI_OPTIONS) as Array<keyof Values>).filter((name) => name !== 'sandbox' && values[name] !== undefined);
  if (sandbox === undefined) {
    if (containerFlags.length > 0) throw fail(`--${containerFlags[0]} needs --sandbox podman`);
    return undefined;
  }
  if (sandbox !== 'podman') throw fail(`--sandbox takes podman (got '${sandbox}')`);
  const rootfs = text('rootfs');
  const image = text('image');
  if (!rootfs && !image) throw fail('--sandbox podman needs --rootfs DIR (codex-chat containers prepare DIR makes one) or --image NAME');
  const network = text('container-network') ?? DEFAULT_CONTAINER_SETTINGS.network;
  if (!NETWORKS.includes(network as ContainerNetwork)) throw fail(`--container-network takes on, off or host-loopback (got '${network}')`);
  const memory = text('container-memory');
  if (memory !== undefined && !/^\d+[kmg]?$/i.test(memory)) throw fail(`--container-memory takes a size such as 512m or 4g (got '${memory}')`);
  const idleStop = positive(text('container-idle-stop'), '--container-idle-stop', fail);
  return {
    ...DEFAULT_CONTAINER_SETTINGS,
    ...(rootfs ? { rootfs: path.resolve(cwd, rootfs) } : {}),
    ...(image ? { image, systemMounts: [] } : {}),
    network: network as ContainerNetwork,
    memory: memory ?? DEFAULT_CONTAINER_SETTINGS.memory,
    pids: positive(text('container-pids'), '--container-pids', fail) ?? DEFAULT_CONTAINER_SETTINGS.pids,
    cpus: positive(text('container-cpus'), '--container-cpus', fail) ?? DEFAULT_CONTAINER_SETTINGS.cpus,
    idleStopMs: idleStop !== undefined ? idleStop * 1000 : DEFAULT_CONTAINER_SETTINGS.idleStopMs,
  };
}

/**
 * Multiuser's container settings: agents run in project containers unless `--sandbox none`
 * (development: on the host); the root or image is required then.
 */
export function multiuserContainerSettingsFromArgs(values: Values, cwd: string, fail: (message: string) => Error): ContainerSettings | undefined {
  const sandbox = values.sandbox ?? 'podman';
  if (sandbox === 'none') return containerSettingsFromArgs({ ...values, sandbox: undefined }, cwd, fail);
  if (sandbox === 'podman' && values.rootfs === undefined && values.image === undefined) {
    throw fail('--multiuser runs agents in podman containers: give --rootfs DIR (codex-chat containers prepare DIR makes one) or --image NAME, or --sandbox none (development only: agents on the host)');
  }
  if (sandbox !== 'podman') throw fail(`--sandbox takes podman or none (got '${String(sandbox)}')`);
  return containerSettingsFromArgs({ ...values, sandbox }, cwd, fail);
}
