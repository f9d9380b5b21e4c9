// The all-in-one multiuser hub as its own process, to compare with a cluster on equal terms:
// `codex-chat --multiuser --sandbox none --database <Postgres> --data DIR` through the real CLI
// (the same spawn as the cluster's processes), a member made with the admin CLI who sets a password
// through the login link, and a project with a folder of its own.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AcpApi } from '../../src/acp-api/index.js';
import { runCli, spawnCli } from '../../src/cluster/testing/cli-process.js';
import { connectTo, setPasswordByLink } from '../../src/cluster/testing/front-session.js';
import { startPostgresServer } from '../../src/multiuser/testing/postgres-server.js';

const READY = /\[hub\] codex-chat \(multiuser\) is running at (http:\/\/127\.0\.0\.1:\d+)\//;
const LINK = /http:\/\/\S+\/login\/link\?token=\S+/;
const PROJECT_ID = /\(id ([a-z0-9-]+)\)/;

export type AllInOneHub = {
  /** A client of one member who owns `projects`. */
  client: AcpApi;
  projects: string[];
  stop: () => Promise<void>;
};

export async function startAllInOneHub(projectCount: number): Promise<AllInOneHub> {
  const base = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-all-in-one-'));
  const postgres = await startPostgresServer();
  const dataDir = path.join(base, 'data');
  const hub = spawnCli('all-in-one', ['--multiuser', '--sandbox', 'none', '--database', await postgres.createDatabase(), '--data', dataDir, '--port', '0', '--no-open'], base);
  const stop = async () => {
    await hub.stop();
    await postgres.stop();
    rmSync(base, { recursive: true, force: true });
  };
  try {
    const origin = (await hub.waitForLine(READY))[1];
    // The hub runs: the admin CLI hands its commands to it over its admin socket.
    const admin = (args: string[]) => runCli([...args, '--data', dataDir], base);
    const link = LINK.exec(await admin(['accounts', 'add', '--email', 'ann@example.com', '--name', 'Ann']))?.[0];
    if (!link) throw new Error('accounts add printed no login link');
    const cookie = await setPasswordByLink(origin, link, 'Ann has a long bench password');
    const projects: string[] = [];
    for (let index = 0; index < projectCount; index += 1) {
      const folder = path.join(base, 'projects', `p${index}`);
      mkdirSync(folder, { recursive: true });
      const id = PROJECT_ID.exec(await admin(['projects', 'add', '--name', `P${index}`, '--owner', 'ann@example.com', '--folder', folder]))?.[1];
      if (!id) throw new Error('projects add printed no project id');
      projects.push(id);
    }
    const client = connectTo(origin, cookie);
    return {
      client,
      projects,
      stop: async () => {
        client.close();
        await stop();
      },
    };
  } catch (error) {
    const printed = hub.output();
    await stop();
    throw new Error(`${(error as Error).message}\n${printed}`);
  }
}
