// `codex-chat accounts|projects ...`: runs the command in the hub that serves the data dir, else
// on the database opened here. Exit codes: 0 done, 2 bad input (one line on stderr), 1 failure.
import { openDatabase } from '../db/index.js';
import { sendToHub, liveHub } from './admin-client.js';
import { ADMIN_USAGE, AdminUsageError, parseAdminArgs, type AdminInvocation } from './admin-args.js';
import { runAdminCommand } from './admin-commands.js';
import type { AdminResponse } from './admin-protocol.js';

/** Where login links point when no hub runs and no --url is given. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8765';

async function runHere(invocation: AdminInvocation): Promise<AdminResponse> {
  const notes: string[] = [];
  let baseUrl = invocation.url;
  if (!baseUrl) {
    baseUrl = DEFAULT_BASE_URL;
    if (invocation.command.kind === 'accounts.add') notes.push(`note: no hub runs on ${invocation.dataDir}; the link uses ${DEFAULT_BASE_URL} (--url sets the hub's address)`);
  }
  let db;
  try {
    db = await openDatabase({ dataDir: invocation.dataDir, databaseUrl: invocation.databaseUrl });
  } catch (error) {
    return { exitCode: 1, stdout: [], stderr: [`could not open the database: ${(error as Error).message}`] };
  }
  try {
    const stdout = await runAdminCommand(invocation.command, { db, dataDir: invocation.dataDir, baseUrl });
    return { exitCode: 0, stdout, stderr: notes };
  } finally {
    await db.close();
  }
}

async function runAdmin(argv: string[]): Promise<AdminResponse> {
  const invocation = parseAdminArgs(argv);
  if (invocation === 'help') return { exitCode: 0, stdout: [ADMIN_USAGE], stderr: [] };
  if (liveHub(invocation.dataDir)) {
    const answer = await sendToHub(invocation.dataDir, { argv, cwd: process.cwd() });
    if (answer) return answer;
  }
  return runHere(invocation);
}

/** Runs one admin command line (argv from `accounts` / `projects` on); returns the exit code. */
export async function runAdminCli(argv: string[]): Promise<number> {
  let response: AdminResponse;
  try {
    response = await runAdmin(argv);
  } catch (error) {
    response = error instanceof AdminUsageError ? { exitCode: 2, stdout: [], stderr: [error.message] } : { exitCode: 1, stdout: [], stderr: [(error as Error).message] };
  }
  for (const line of response.stdout) console.log(line);
  for (const line of response.stderr) console.error(line.startsWith('note: ') ? line : `codex-chat: ${line}`);
  return response.exitCode;
}
