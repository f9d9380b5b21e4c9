// A throwaway nats-server for tests: the cluster's own config (nats-config.ts: users, permissions,
// no anonymous access) in a temp dir, Debian's `nats-server` on a random port of 127.0.0.1.
// Never skipped: without nats-server the test fails with the reason.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FRONT_NATS_USER, hostNatsUser, writeNatsConfig } from '../nats-config.js';

export type NatsServer = {
  /** `nats://127.0.0.1:<port>` (no credentials). */
  url: string;
  port: number;
  /** The temp dir with nats-server.conf and the credentials files. */
  dir: string;
  /** The credentials file of the front (`'front'`) or of a host (its id). */
  credentialsFile(role: 'front' | string): string;
  /** Stops and starts nats-server again on the same port (clients reconnect). */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

const START_TIMEOUT_MS = 20_000;

export function findNatsServer(): string {
  const candidates = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'nats-server')), '/usr/sbin/nats-server'];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error('nats-server not found (not on PATH, no /usr/sbin/nats-server): install it (Debian: apt-get install nats-server) to run the cluster tests');
}

/** Spawns nats-server on `configFile`; resolves with its port once it listens for clients. */
function spawnServer(binary: string, configFile: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`nats-server did not start: ${reason}\n${log.slice(-2_000)}`));
    };
    const timer = setTimeout(() => fail(`not listening after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code})`));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      log += chunk;
      // "[INF] Listening for client connections on 127.0.0.1:41234" (logged once the socket is bound).
      const match = /Listening for client connections on [^\s]*:(\d+)/.exec(log);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      // Keep draining stderr so a chatty server never blocks on a full pipe.
      child.stderr?.removeAllListeners('data');
      child.stderr?.resume();
      resolve({ child, port: Number(match[1]) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export async function startNatsServer(options: { hosts: string[] }): Promise<NatsServer> {
  const binary = findNatsServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-nats-'));
  try {
    // Port -1: nats-server picks a free one (no race with other tests); restarts reuse it.
    const { configFile } = await writeNatsConfig({ hosts: options.hosts, listen: '127.0.0.1:-1', outDir: dir });
    let { child, port } = await spawnServer(binary, configFile);
    // A test process that ends without stop() (a crash, a timeout) must not leave nats-server behind.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    writeFileSync(configFile, readFileSync(configFile, 'utf8').replace('"127.0.0.1:-1"', `"127.0.0.1:${port}"`), { mode: 0o600 });
    return {
      url: `nats://127.0.0.1:${port}`,
      port,
      dir,
      credentialsFile: (role) => path.join(dir, `${role === 'front' ? FRONT_NATS_USER : hostNatsUser(role)}.json`),
      async restart() {
        await stopChild(child);
        ({ child, port } = await spawnServer(binary, configFile));
      },
      async stop() {
        process.removeListener('exit', killOnExit);
        await stopChild(child);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
