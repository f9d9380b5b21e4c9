// One agent inside a project container: `podman exec -i` of the entry script, ACP over its stdio
// (translated between the in-container project path and the host's), ended from inside the
// container (the podman exec client's death alone would leave it running).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AgentLaunch } from '../../agents/index.js';
import type { AcpClientHandlers } from '../turns/acp-connection.js';
import { connectAgentChild, type AgentProcess, type AgentStartOptions } from '../turns/agent-process.js';
import type { ContainerAgentProfile } from './agent-profiles.js';
import { explainLimits, readLimitCounters } from './container-diagnosis.js';
import { CONTAINER_HOME } from './container-settings.js';
import type { ContainerSettings } from './container-settings.js';
import { containerPathOf } from './container-spec.js';
import { KILL_TREE_SCRIPT, AGENT_ENTRY_SCRIPT } from './in-container-scripts.js';
import { translateAgentStreams } from './path-translation.js';
import { podmanEnvironment, runPodman } from './podman-cli.js';
import type { ContainerLease, ProjectContainers } from './project-containers.js';

const KILL_TIMEOUT_MS = 3_000;
const LIMIT_POLL_MS = 500;
const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ, the unit of /proc/<pid>/stat start times

/** Now in clock ticks since boot (the container shares the host's kernel and clock). */
function ticksSinceBoot(): number {
  return Math.floor(Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * CLOCK_TICKS_PER_SECOND);
}

/** Keys go through a shell `read` and into JSON: refuse what could break either (no real API key has it). */
function checkKey(key: string): string {
  if (!/^[\x21-\x7e]+$/.test(key) || /["\\]/.test(key)) throw new Error('The stored API key has characters an API key never has (spaces, quotes, backslashes); set it again.');
  return key;
}

export type ContainerAgentContext = {
  podman: string;
  settings: ContainerSettings;
  containers: ProjectContainers;
  lease: ContainerLease;
  root: string;
  profile: ContainerAgentProfile;
  /** True for another cwd or mode this container does not serve. */
  fits: NonNullable<AgentProcess['fits']>;
};

/** Starts the agent inside the leased container; the lease is released when the agent exits. */
export async function startContainerAgent(launch: AgentLaunch, options: AgentStartOptions, handlers: AcpClientHandlers, context: ContainerAgentContext): Promise<AgentProcess> {
  const { podman, lease, profile, root } = context;
  const apiKey = options.apiKeyEnv ? options.env[options.apiKeyEnv] : undefined;
  const key = apiKey ? checkKey(apiKey) : '';
  const run = randomBytes(6).toString('hex');
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: CONTAINER_HOME, LANG: 'C.UTF-8', ...profile.env };
  const args = [
    'exec', '--interactive', '--workdir', containerPathOf(root, options.cwd),
    ...Object.entries(env).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
    lease.name, '/bin/sh', '-c', AGENT_ENTRY_SCRIPT, 'codex-chat-agent', run, options.apiKeyEnv ?? '', profile.entry, '--', launch.command, ...launch.args,
  ];
  const before = readLimitCounters(lease.cgroupPath);
  const child = spawn(podman, args, { env: podmanEnvironment(), stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  child.on('exit', () => lease.release());
  child.stdin!.write(`${key}\n`); // the entry script's first line; then ACP
  const insideKill = (mode: 'all' | 'since', since = 0) =>
    runPodman(podman, ['exec', lease.name, process.execPath, '-e', KILL_TREE_SCRIPT, mode, run, String(since)], { timeoutMs: KILL_TIMEOUT_MS });
  let killing: Promise<void> | undefined;
  const kill = () => {
    killing ??= insideKill('all').then(async (result) => {
      // The container did not answer: it goes, with everything in it (its other agents restart on their next turn).
      if (result.code !== 0 && child.exitCode === null) await context.containers.stop(lease.name);
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // the podman client ended meanwhile
        }
      }
    });
  };
  // A container limit makes a process die (out of memory) or hang (node without threads, pids
  // exhausted): when a counter moves, the agent is ended and its exit says why, never a hang.
  let limitHit: string | undefined;
  const watch = setInterval(() => {
    limitHit = explainLimits(before, readLimitCounters(lease.cgroupPath), context.settings);
    if (limitHit) {
      clearInterval(watch);
      kill();
    }
  }, LIMIT_POLL_MS);
  watch.unref();
  child.on('exit', () => clearInterval(watch));
  return connectAgentChild(child, 'podman exec', handlers, {
    kill,
    markCommands: async () => ({ id: ticksSinceBoot() }),
    endCommandsSince: async (mark) => Number((await insideKill('since', mark.id ?? 0)).stdout.trim()) || 0,
    fits: context.fits,
    describeExit: async (description) => {
      const limits = limitHit ?? explainLimits(before, readLimitCounters(lease.cgroupPath), context.settings);
      if (limits) return `The agent was stopped: ${limits}.`;
      if (killing) return description;
      const running = await runPodman(podman, ['inspect', '--format', '{{.State.Running}}', lease.name]);
      return running.stdout.trim() === 'true' ? description : `${description}: its project container ${lease.name} stopped (see podman logs; the next turn starts it again)`;
    },
    wrapStreams: (stdin, stdout) => translateAgentStreams(stdin, stdout, root, profile.rewrite?.(apiKey)),
  });
}
