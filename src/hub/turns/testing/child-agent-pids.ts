import { readdirSync, readFileSync } from 'node:fs';

/**
 * Process ids of this process's children whose command line contains `program` (the agents the
 * in-process test hub started; their process group ids equal their pids). Linux /proc only.
 */
export function childAgentPids(program: string): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      return parent === process.pid && commandLine.includes(program) ? [Number(entry)] : [];
    } catch {
      return []; // the process ended while we looked
    }
  });
}
