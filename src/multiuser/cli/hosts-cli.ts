// `codex-chat hosts list`: a cluster's project hosts, read from its Postgres database (no NATS, no hub).
import { listHosts, openDatabase, type HostRow } from '../db/index.js';
import { AdminUsageError } from './admin-args.js';
import type { AdminResponse } from './admin-protocol.js';
import { formatTable } from './format-table.js';
import { HOSTS_USAGE, parseHostsArgs } from './hosts-args.js';

function lastSeen(row: HostRow, now: number): string {
  if (!row.lastSeenAt) return 'never';
  const seconds = Math.max(0, Math.round((now - Date.parse(row.lastSeenAt)) / 1000));
  return `${row.lastSeenAt} (${seconds} s ago)`;
}

/** The hosts table's lines. */
export function formatHosts(rows: HostRow[], now = Date.now()): string[] {
  if (rows.length === 0) return ['no project hosts registered (a project host registers when it starts: codex-chat project-host --id H ...)'];
  return formatTable(['ID', 'STATE', 'LAST SEEN', 'PROJECTS'], rows.map((row) => [row.id, row.up ? 'up' : 'down', lastSeen(row, now), String(row.projects)]));
}

/** Runs `hosts ...` (argv from `hosts` on): what to print and the exit code (2: bad input). */
export async function hostsCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<AdminResponse> {
  let invocation;
  try {
    invocation = parseHostsArgs(argv, env);
  } catch (error) {
    if (error instanceof AdminUsageError) return { exitCode: 2, stdout: [], stderr: [error.message] };
    throw error;
  }
  if (invocation === 'help') return { exitCode: 0, stdout: [HOSTS_USAGE], stderr: [] };
  let db;
  try {
    db = await openDatabase({ dataDir: '', databaseUrl: invocation.databaseUrl });
  } catch (error) {
    return { exitCode: 1, stdout: [], stderr: [`could not open the database: ${(error as Error).message}`] };
  }
  try {
    return { exitCode: 0, stdout: formatHosts(await listHosts(db)), stderr: [] };
  } finally {
    await db.close();
  }
}

export async function runHostsCli(argv: string[]): Promise<number> {
  const response = await hostsCommand(argv).catch((error: Error): AdminResponse => ({ exitCode: 1, stdout: [], stderr: [error.message] }));
  for (const line of response.stdout) console.log(line);
  for (const line of response.stderr) console.error(`codex-chat: ${line}`);
  return response.exitCode;
}
