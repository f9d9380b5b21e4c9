// A throwaway Postgres server for tests: `initdb` + `pg_ctl` on a temp dir and a free port on
// 127.0.0.1, trust auth, stopped and removed on `stop()`. Debian's postgresql package puts the
// binaries in /usr/lib/postgresql/<version>/bin; PG_BIN overrides. initdb refuses to run as root,
// so as root the server runs as the `postgres` user in a temp dir it owns.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export type PostgresServer = {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  /** A new empty database on this server; its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
};

function findBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((name) => existsSync(path.join(base, name, 'bin/initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error(`initdb not found (no ${base}/<version>/bin/initdb, PG_BIN unset): install Postgres (Debian: apt-get install postgresql) to run the Postgres half of the multiuser tests`);
  }
  return path.join(base, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a Postgres binary, as the postgres user when we are root. */
function runAsOwner(binDir: string, tool: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [file, fileArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(binDir, tool), ...args]] : [path.join(binDir, tool), args];
  return run(file, fileArgs, { timeout: 60_000 });
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const binDir = findBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const dataDir = path.join(dir, 'data');
  const stop = async () => {
    await runAsOwner(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await runAsOwner(binDir, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const port = await freePort();
    // -k: the Unix socket in our dir (the system one may not be writable); fsync off: a test server.
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    await runAsOwner(binDir, 'pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let databases = 0;
    return {
      url,
      async createDatabase() {
        const name = `test_${process.pid}_${++databases}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`create database ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
