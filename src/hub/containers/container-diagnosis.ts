import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContainerSettings } from './container-settings.js';

/** The limit counters of a container's cgroup: out-of-memory kills and refused forks. */
export type LimitCounters = { oomKills: number; pidsRefused: number };

function counter(files: string[], name: string): number {
  for (const file of files) {
    try {
      const line = readFileSync(file, 'utf8').split('\n').find((text) => text.startsWith(`${name} `));
      if (line) return Number(line.split(' ')[1]) || 0;
    } catch {
      // not this cgroup layout: try the next file
    }
  }
  return 0;
}

/** Reads the counters from the host's cgroup tree (v1 per controller, or v2 unified); zeros where unreadable. */
export function readLimitCounters(cgroupPath: string, cgroupRoot = '/sys/fs/cgroup'): LimitCounters {
  return {
    oomKills: counter([path.join(cgroupRoot, 'memory', cgroupPath, 'memory.oom_control'), path.join(cgroupRoot, cgroupPath, 'memory.events')], 'oom_kill'),
    pidsRefused: counter([path.join(cgroupRoot, 'pids', cgroupPath, 'pids.events'), path.join(cgroupRoot, cgroupPath, 'pids.events')], 'max'),
  };
}

/** What the counters' growth since `before` says about an agent's end, with what to do; undefined when they did not move. */
export function explainLimits(before: LimitCounters, after: LimitCounters, settings: ContainerSettings): string | undefined {
  if (after.oomKills > before.oomKills) {
    return `the project container ran out of memory (limit ${settings.memory ?? 'none'}) and the kernel killed a process; raise the containers' memory limit (--container-memory) or ask for smaller steps`;
  }
  if (after.pidsRefused > before.pidsRefused) {
    return `the project container reached its process limit (${settings.pids ?? 'none'} processes) and new processes were refused; raise the limit (--container-pids) or end the commands that pile up`;
  }
  return undefined;
}
