// Helpers of the container tests and benchmark: a prepared root in a temp dir, podman configured by
// the project's containers.conf, and real hubs whose agents run in project containers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDirs } from '../../hub-test-helpers.js';
import type { HubOptions } from '../../server.js';
import { createTurnService } from '../../turns/index.js';
import { startTurnHub } from '../../turns/testing/turn-test-helpers.js';
import { createContainerLauncher, liteProjectId, withAgentLauncher, type ContainerLauncher } from '../container-launcher.js';
import { DEFAULT_CONTAINER_SETTINGS, type ContainerSettings } from '../container-settings.js';
import { OWNER_LABEL } from '../container-spec.js';
import { runPodman } from '../podman-cli.js';
import { prepareRootfs } from '../prepare-rootfs.js';

/** Points podman at the project's containers.conf (ulimits and runc for this machine kind). */
export function usePodmanConf(): void {
  process.env.CONTAINERS_CONF = path.join(path.dirname(fileURLToPath(import.meta.url)), 'containers.conf');
}

/** A root prepared by `prepareRootfs` in a temp dir (one per test file), with its removal. */
export function prepareTestRootfs(): { rootfs: string; remove(): void } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-rootfs-'));
  return { rootfs: prepareRootfs(path.join(base, 'root')), remove: () => rmSync(base, { recursive: true, force: true }) };
}

/** Container settings of the tests: small limits, the host's loopback reachable (the scripted model servers). */
export function testContainerSettings(rootfs: string, overrides: Partial<ContainerSettings> = {}): ContainerSettings {
  return { ...DEFAULT_CONTAINER_SETTINGS, rootfs, network: 'host-loopback', memory: '1g', pids: 256, cpus: 1, idleStopMs: 60_000, ...overrides };
}

/** A hub in fresh temp dirs whose agents run in the workspace's project container. */
export async function startContainerHub(settings: ContainerSettings, existing?: { root: string; stateDir: string }, options: Partial<HubOptions> = {}) {
  const dirs = existing ?? (await makeTempDirs());
  const launcher: ContainerLauncher = createContainerLauncher({ projectId: liteProjectId(dirs.root), root: dirs.root, stateDir: dirs.stateDir, settings });
  const setup = await startTurnHub({ root: dirs.root, stateDir: dirs.stateDir }, { ...options, turnService: withAgentLauncher(createTurnService, launcher) });
  return { ...setup, launcher, projectId: liteProjectId(dirs.root) };
}

/** The containers (any state) of a hub's state dir, by name. */
export async function containersOf(owner: string): Promise<string[]> {
  const listed = await runPodman('podman', ['ps', '--all', '--filter', `label=${OWNER_LABEL}=${owner}`, '--format', '{{.Names}}']);
  return listed.stdout.split('\n').filter(Boolean).sort();
}

/** Mount table lines that mention `text` (a leaked overlay or bind of a stopped container would). */
export function mountsMentioning(text: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((line) => line.includes(text));
}
