// A whole cluster on 127.0.0.1 for tests and benchmarks, every part a real separate process: a
// throwaway Postgres server, nats-server with the cluster's users and permissions, one `codex-chat
// front` and N `codex-chat project-host` started through the real CLI (hosts with --sandbox none:
// the demo agent on this machine). Every process's data dir gets the same secret.key, as an admin
// copies it. Accounts and projects are made with the admin CLI on the database; members log in over
// HTTP. Hosts and the front can be killed (-9) and restarted, nats-server restarted (`nats.restart()`).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AcpApi } from '../../acp-api/index.js';
import { startPostgresServer, type PostgresServer } from '../../multiuser/testing/postgres-server.js';
import { startNatsServer, type NatsServer } from './nats-server.js';
import { runCli, spawnCli, type CliProcess } from './cli-process.js';
import { connectTo, logInAt, setPasswordByLink } from './front-session.js';

const FRONT_READY = /\[front\] codex-chat \(cluster front\) is running at (http:\/\/127\.0\.0\.1:\d+)\//;
const hostReady = (id: string) => new RegExp(`\\[host ${id}\\] ready`);
const LINK_PATTERN = /http:\/\/\S+\/login\/link\?token=\S+/;
const PROJECT_ID = /\(id ([a-z0-9-]+)\)/;

export type ClusterHost = {
  id: string;
  dataDir: string;
  /** The running process (undefined while killed or stopped). */
  process: () => CliProcess | undefined;
  /** Starts the host (again) on the same data dir; resolves when it printed its ready line. */
  start: () => Promise<void>;
  /** kill -9 of the host process. */
  kill: () => Promise<void>;
};

export type ClusterMember = { email: string; name: string; password: string; cookie: string };
/** `placedOn`: the host `projects add` placed it on (none when no host was up). */
export type ClusterProject = { id: string; name: string; folder: string; placedOn?: string };

export type RunningCluster = {
  base: string;
  databaseUrl: string;
  nats: NatsServer;
  /** `http://127.0.0.1:<port>` of the front hub. */
  origin: string;
  front: () => CliProcess;
  /** kill -9 of the front, then a new one on the same port. */
  restartFront: () => Promise<void>;
  hosts: Record<string, ClusterHost>;
  /** Runs an admin command (`accounts`, `projects`, `hosts`) on the cluster's database (login links to the front). */
  admin: (args: string[]) => Promise<string>;
  /** An account whose password was set through its login link; logged in. */
  addMember: (email: string, name: string) => Promise<ClusterMember>;
  /** `projects add` with a folder of its own; placed by the CLI. */
  addProject: (name: string, owner: ClusterMember) => Promise<ClusterProject>;
  moveProject: (project: string, host: string) => Promise<string>;
  logIn: (member: ClusterMember) => Promise<string>;
  /** A WebSocket API client of the front with this member's session (closed by stop()). */
  connect: (member: ClusterMember) => AcpApi;
  /** Every process's output so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
};

export type StartClusterOptions = { hosts?: string[] };

function writeSecretKey(dataDir: string, key: Buffer): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dataDir, 'secret.key'), key, { mode: 0o600 });
}

export async function startCluster(options: StartClusterOptions = {}): Promise<RunningCluster> {
  const hostIds = options.hosts ?? ['h1', 'h2'];
  const base = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-cluster-'));
  const secretKey = randomBytes(32);
  const clients: AcpApi[] = [];
  const finished: string[] = [];
  let postgres: PostgresServer | undefined;
  let nats: NatsServer | undefined;
  let front: CliProcess | undefined;
  const hostProcesses = new Map<string, CliProcess>();

  async function stop(): Promise<void> {
    for (const client of clients.splice(0)) client.close();
    await front?.stop();
    await Promise.all([...hostProcesses.values()].map((host) => host.stop()));
    await nats?.stop();
    await postgres?.stop();
    rmSync(base, { recursive: true, force: true });
  }

  function output(): string {
    const running = [front, ...hostProcesses.values()].filter((process) => process !== undefined);
    return [...finished, ...running.map((process) => `--- ${process.name}\n${process.output()}`)].join('\n');
  }

  try {
    postgres = await startPostgresServer();
    const databaseUrl = await postgres.createDatabase();
    nats = await startNatsServer({ hosts: hostIds });
    const natsServer = nats;

    const frontData = path.join(base, 'front');
    writeSecretKey(frontData, secretKey);
    const frontArgs = (port: number) => ['front', '--nats', natsServer.url, '--nats-credentials', natsServer.credentialsFile('front'), '--database', databaseUrl, '--data', frontData, '--port', String(port), '--no-open'];
    front = spawnCli('front', frontArgs(0), base);
    const origin = (await front.waitForLine(FRONT_READY))[1];
    // The same port again, so browsers (and test clients) reconnect to the address they know.
    async function restartFront(): Promise<void> {
      await front!.kill();
      finished.push(`--- front (ended)\n${front!.output()}`);
      front = spawnCli('front', frontArgs(Number(new URL(origin).port)), base);
      await front.waitForLine(FRONT_READY);
    }

    const hosts: Record<string, ClusterHost> = {};
    for (const id of hostIds) {
      const dataDir = path.join(base, `host-${id}`);
      writeSecretKey(dataDir, secretKey);
      const args = ['project-host', '--id', id, '--nats', natsServer.url, '--nats-credentials', natsServer.credentialsFile(id), '--database', databaseUrl, '--data', dataDir, '--sandbox', 'none'];
      hosts[id] = {
        id,
        dataDir,
        process: () => hostProcesses.get(id),
        async start() {
          const previous = hostProcesses.get(id);
          if (previous && !previous.exited()) throw new Error(`host ${id} is running`);
          if (previous) finished.push(`--- ${previous.name} (ended)\n${previous.output()}`);
          const started = spawnCli(`host ${id}`, args, base);
          hostProcesses.set(id, started);
          await started.waitForLine(hostReady(id));
        },
        async kill() {
          await hostProcesses.get(id)?.kill();
        },
      };
    }
    await Promise.all(Object.values(hosts).map((host) => host.start()));

    const adminDir = path.join(base, 'admin');
    mkdirSync(adminDir, { recursive: true });
    // `hosts list` takes only --database; the accounts and projects commands also a data dir (their own) and the links' address.
    const admin = (args: string[]) => runCli([...args, '--database', databaseUrl, ...(args[0] === 'hosts' ? [] : ['--data', adminDir, '--url', origin])], base);
    const logIn = (member: ClusterMember) => logInAt(origin, member.email, member.password);

    return {
      base,
      databaseUrl,
      nats: natsServer,
      origin,
      front: () => front!,
      restartFront,
      hosts,
      admin,
      async addMember(email, name) {
        const printed = await admin(['accounts', 'add', '--email', email, '--name', name]);
        const link = LINK_PATTERN.exec(printed);
        if (!link) throw new Error(`accounts add printed no login link:\n${printed}`);
        const password = `${name} has a long cluster password`;
        return { email, name, password, cookie: await setPasswordByLink(origin, link[0], password) };
      },
      async addProject(name, owner) {
        const folder = path.join(base, 'projects', name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
        mkdirSync(folder, { recursive: true });
        const printed = await admin(['projects', 'add', '--name', name, '--owner', owner.email, '--folder', folder]);
        const id = PROJECT_ID.exec(printed)?.[1];
        if (!id) throw new Error(`projects add printed no project id:\n${printed}`);
        return { id, name, folder, placedOn: /, on host ([a-z0-9_-]+)/.exec(printed)?.[1] };
      },
      moveProject: (project, host) => admin(['projects', 'move', project, '--host', host]),
      logIn,
      connect(member) {
        const client = connectTo(origin, member.cookie);
        clients.push(client);
        return client;
      },
      output,
      stop,
    };
  } catch (error) {
    const printed = output();
    await stop();
    throw new Error(`${(error as Error).message}\n${printed}`);
  }
}
