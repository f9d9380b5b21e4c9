// A look at the process table (/proc) for the process-lifetime tests: who descends from whom, and
// which of the processes seen earlier still run (same pid and start time, not a zombie).
import { readdirSync, readFileSync } from 'node:fs';

/** One process of the table. */
export type ProcessEntry = { pid: number; ppid: number; state: string; start: string; command: string };

function readEntry(pid: number): ProcessEntry | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, ppid: Number(fields[1]), state: fields[0], start: fields[19], command };
  } catch {
    return undefined; // ended while we read
  }
}

/** Every process now. */
export function processTable(): ProcessEntry[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => readEntry(Number(name)) ?? []);
}

/** The descendants of `pid` now (children, their children, ...), zombies excluded. */
export function descendantsOf(pid: number): ProcessEntry[] {
  const table = processTable();
  const found: ProcessEntry[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const entry of table) {
      if (entry.ppid !== parent || found.includes(entry)) continue;
      found.push(entry);
      queue.push(entry.pid);
    }
  }
  return found.filter((entry) => entry.state !== 'Z');
}

/** Those of `seen` that still run (the same process: pid and start time; a zombie has ended). */
export function stillRunning(seen: ProcessEntry[]): ProcessEntry[] {
  return seen.flatMap((entry) => {
    const now = readEntry(entry.pid);
    return now && now.start === entry.start && now.state !== 'Z' ? [now] : [];
  });
}

/** The `sleep 60` processes among the descendants of `pid`. */
export function sleepsUnder(pid: number): ProcessEntry[] {
  return descendantsOf(pid).filter((entry) => /^(\S*\/)?sleep 60$/.test(entry.command));
}
