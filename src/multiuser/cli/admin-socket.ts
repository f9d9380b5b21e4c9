// The hub's side of the admin CLI. PGlite is single-process, so while a multiuser hub has the
// data dir's database open, `codex-chat accounts|projects ...` sends its command line here and
// the hub runs it on its own connection (and drops its cached membership when members change).
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import type { Database } from '../db/index.js';
import { AdminUsageError, parseAdminArgs } from './admin-args.js';
import { runAdminCommand } from './admin-commands.js';
import { adminSocketPath, hubFilePath, isHubFile, type AdminRequest, type AdminResponse } from './admin-protocol.js';

export type AdminSocketOptions = {
  dataDir: string;
  db: Database;
  /** The hub's public URL: hub.json names it and login links start with it. */
  baseUrl: string;
  onMembersChanged?: (projectId: string) => void;
};

export type AdminSocket = { path: string; close(): Promise<void> };

const MAX_REQUEST_BYTES = 64 * 1024;

function parseRequest(text: string): AdminRequest {
  const request = JSON.parse(text) as AdminRequest;
  if (!Array.isArray(request?.argv) || !request.argv.every((word) => typeof word === 'string') || typeof request.cwd !== 'string') {
    throw new AdminUsageError('bad admin request');
  }
  return request;
}

/** Runs one request; never throws (a failure is an exit code and a line). */
async function answer(text: string, options: AdminSocketOptions): Promise<AdminResponse> {
  try {
    const request = parseRequest(text);
    // The hub's own data dir and database are used: the CLI found the hub through them.
    const invocation = parseAdminArgs(request.argv, {}, request.cwd);
    if (invocation === 'help') return { exitCode: 2, stdout: [], stderr: ['--help is answered by the CLI'] };
    const stdout = await runAdminCommand(invocation.command, { db: options.db, dataDir: options.dataDir, baseUrl: options.baseUrl, onMembersChanged: options.onMembersChanged });
    return { exitCode: 0, stdout, stderr: [] };
  } catch (error) {
    if (error instanceof AdminUsageError || error instanceof SyntaxError) return { exitCode: 2, stdout: [], stderr: [error.message] };
    return { exitCode: 1, stdout: [], stderr: [`the hub could not run the command: ${(error as Error).message}`] };
  }
}

function serve(socket: Socket, options: AdminSocketOptions): void {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    if (buffered.length > MAX_REQUEST_BYTES) return socket.destroy();
    const end = buffered.indexOf('\n');
    if (end < 0) return;
    socket.removeAllListeners('data');
    void answer(buffered.slice(0, end), options).then((response) => socket.end(`${JSON.stringify(response)}\n`));
  });
}

/** True when a process listens on the socket path (another hub on this data dir). */
function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/**
 * Listens on `<data>/admin.sock` (0600) and writes `<data>/hub.json` {pid, url}. Refuses when
 * another hub already answers there. close() removes both (hub.json only while it names us).
 */
export async function startAdminSocket(options: AdminSocketOptions): Promise<AdminSocket> {
  const socketPath = adminSocketPath(options.dataDir);
  if (await answers(socketPath)) throw new Error(`another hub is running on ${options.dataDir} (its admin socket ${socketPath} answers)`);
  // Bind under a temporary name, make it 0600, then move it into place: no moment where another
  // user could connect to a wider socket.
  const temporary = `${socketPath}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    serve(socket, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(temporary, () => resolve());
  });
  chmodSync(temporary, 0o600);
  renameSync(temporary, socketPath);
  const hubFile = hubFilePath(options.dataDir);
  writeFileSync(`${hubFile}.tmp`, `${JSON.stringify({ pid: process.pid, url: options.baseUrl })}\n`, { mode: 0o600 });
  renameSync(`${hubFile}.tmp`, hubFile);
  return {
    path: socketPath,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of open) socket.destroy();
      await closed;
      rmSync(socketPath, { force: true });
      try {
        const file: unknown = JSON.parse(readFileSync(hubFile, 'utf8'));
        if (isHubFile(file) && file.pid === process.pid) rmSync(hubFile, { force: true });
      } catch {
        // already gone or rewritten by another hub: leave it
      }
    },
  };
}
