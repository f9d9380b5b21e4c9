// The cluster's admin commands: `hosts list`, `projects move`, placement by `projects add`, and
// `cluster nats-config`. The command functions are called directly; one real process per command.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clusterCommand } from '../../cluster/nats-config-cli.js';
import { readNatsCredentials } from '../../cluster/index.js';
import { addAccount, hostOfProject, openPostgres, runMigrations, touchHost, type Database } from '../db/index.js';
import { acquirePostgresServer, releasePostgresServer } from '../testing/test-databases.js';
import { describeEachDatabase } from '../testing/test-databases.js';
import { AdminUsageError, parseAdminArgs, type AdminInvocation } from './admin-args.js';
import { expectBadInput, runCodexChat } from './admin-cli-scenario.js';
import { runAdminCommand } from './admin-commands.js';
import { hostsCommand } from './hosts-cli.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-cluster-cli-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const STARTED = '2026-01-01T10:00:00.000Z';
const longAgo = (db: Database, id: string) => db.query(`update hosts set last_seen_at = now() - interval '1 hour' where id = $1`, [id]);

describe('cluster command lines: bad input is one line and exit code 2', () => {
  it.each([
    [['projects', 'move', 'p'], '--host is required (the id of the project host to move it to)'],
    [['projects', 'move', '--host', 'h1'], 'projects move needs the id or name of the project'],
    [['projects', 'move', 'p', '--host', 'H 1'], "--host 'H 1' is not a host id (lowercase letters, digits, - and _)"],
  ])('%j', (args, line) => {
    expect(() => parseAdminArgs(args, {})).toThrow(new AdminUsageError(line));
  });

  it.each([
    [['hosts'], 'hosts needs a command: list'],
    [['hosts', 'frob'], "unknown command 'hosts frob' (hosts: list)"],
    [['hosts', 'list'], "hosts list needs the cluster's database: --database postgres://... (or env CODEX_CHAT_DATABASE_URL)"],
    [['hosts', 'list', '--database', 'mysql://x'], '--database must be a postgres:// URL'],
  ])('%j', async (args, line) => {
    expect(await hostsCommand(args, {})).toEqual({ exitCode: 2, stdout: [], stderr: [line] });
  });

  it.each([
    [['cluster'], 'cluster needs a command: nats-config'],
    [['cluster', 'nats-config', '--out', '/tmp/x'], "--hosts is required (the project hosts' ids: --hosts h1,h2)"],
    [['cluster', 'nats-config', '--hosts', 'h1'], '--out is required (the folder to write the config and the credentials files in)'],
    [['cluster', 'nats-config', '--hosts', 'h1,Bad.Host', '--out', '/tmp/x'], '"Bad.Host" is not a host id (lowercase letters, digits, - and _, at most 63, starting with a letter or digit)'],
    [['cluster', 'nats-config', '--hosts', 'h1', '--out', '/tmp/x', '--listen', 'nowhere'], '--listen must be HOST:PORT (like 127.0.0.1:4222), not "nowhere"'],
  ])('%j', async (args, line) => {
    expect(await clusterCommand(args)).toEqual({ exitCode: 2, stdout: [], stderr: [line] });
  });
});

describe('cluster nats-config', () => {
  it('writes the config and the credentials files and prints the nats-server command line; a second run keeps the files', async () => {
    const out = tempDir();
    const first = await clusterCommand(['cluster', 'nats-config', '--hosts', 'h1,h2', '--out', out, '--listen', '0.0.0.0:4222']);
    expect(first.exitCode).toBe(0);
    expect(first.stdout.slice(0, 4)).toEqual([
      `wrote ${out}/nats-server.conf (users front, host-h1, host-h2; listens on 0.0.0.0:4222)`,
      `wrote ${out}/front.json`,
      `wrote ${out}/host-h1.json`,
      `wrote ${out}/host-h2.json`,
    ]);
    expect(first.stdout).toContain(`start nats-server with: nats-server -c ${out}/nats-server.conf`);
    expect(first.stdout).toContain(`  codex-chat project-host --id h2 --nats-credentials ${out}/host-h2.json ...`);
    expect(statSync(path.join(out, 'nats-server.conf')).mode & 0o777).toBe(0o600);
    const password = readNatsCredentials(path.join(out, 'host-h1.json')).password;
    const again = await clusterCommand(['cluster', 'nats-config', '--hosts', 'h1,h2,h3', '--out', out]);
    expect(again.stdout[2]).toBe(`kept ${out}/host-h1.json (existing credentials)`);
    expect(again.stdout[4]).toBe(`wrote ${out}/host-h3.json`);
    expect(readNatsCredentials(path.join(out, 'host-h1.json')).password).toBe(password);
    expect(readFileSync(path.join(out, 'nats-server.conf'), 'utf8')).toContain('"host-h3"');
  });
});

describeEachDatabase('projects add and projects move with project hosts', ({ db, kind }) => {
  const dataDir = tempDir();
  const run = async (argv: string[]) => {
    const invocation = parseAdminArgs([...argv, '--data', dataDir], {}) as AdminInvocation;
    return runAdminCommand(invocation.command, { db: db(), dataDir, baseUrl: 'http://127.0.0.1:1' });
  };

  it('without registered hosts (the all-in-one hub) a new project has no host and the line says nothing of hosts', async () => {
    await addAccount(db(), { email: `owner@${kind}.test`, name: 'Owner' });
    expect(await run(['projects', 'add', '--name', 'Solo', '--owner', `owner@${kind}.test`])).toEqual([`added project Solo (id solo) in ${path.join(dataDir, 'projects', 'solo')}, owner owner@${kind}.test`]);
    expect(await hostOfProject(db(), 'solo')).toBeNull();
  });

  it('with hosts registered, projects add places each new project on the up host with the fewest projects', async () => {
    await touchHost(db(), { id: 'h1', startedAt: STARTED });
    await touchHost(db(), { id: 'h2', startedAt: STARTED });
    await touchHost(db(), { id: 'h0', startedAt: STARTED });
    await longAgo(db(), 'h0');
    const added = [];
    for (const name of ['One', 'Two', 'Three']) added.push((await run(['projects', 'add', '--name', name, '--owner', `owner@${kind}.test`]))[0]);
    expect(added.map((line) => / on host (\w+)$/.exec(line)?.[1])).toEqual(['h1', 'h2', 'h1']);
    await longAgo(db(), 'h1');
    await longAgo(db(), 'h2');
    expect((await run(['projects', 'add', '--name', 'Four', '--owner', `owner@${kind}.test`]))[0]).toMatch(/ \(no project host is up: the front places it when it is first opened\)$/);
    expect(await hostOfProject(db(), 'four')).toBeNull();
  });

  it('projects move sets the host; an unknown project or host is bad input; a down host gets a note', async () => {
    expect(await run(['projects', 'move', 'One', '--host', 'h2'])).toEqual([
      `moved one from host h1 to host h2: its folder ${path.join(dataDir, 'projects', 'one')} must be there`,
      expect.stringMatching(/^note: host h2 is down \(last seen .+\): the project is unavailable until it starts$/),
    ]);
    expect(await hostOfProject(db(), 'one')).toBe('h2');
    expect(await run(['projects', 'move', 'one', '--host', 'h2'])).toEqual(['one already is on host h2']);
    await expect(run(['projects', 'move', 'nope', '--host', 'h2'])).rejects.toThrow(new AdminUsageError('no project nope (codex-chat projects list lists them)'));
    await expect(run(['projects', 'move', 'one', '--host', 'h9'])).rejects.toThrow(new AdminUsageError('no host h9 is registered (a host registers when it first starts): codex-chat hosts list lists them'));
  });
});

describe('hosts list and the real codex-chat process', () => {
  let url: string;
  let db: Database;
  beforeAll(async () => {
    url = await (await acquirePostgresServer()).createDatabase();
    db = await openPostgres(url);
    await runMigrations(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await releasePostgresServer();
  });

  it('hosts list: a clear line without hosts, then a table of state, last seen and projects', async () => {
    expect(await hostsCommand(['hosts', 'list', '--database', url], {})).toEqual({ exitCode: 0, stdout: ['no project hosts registered (a project host registers when it starts: codex-chat project-host --id H ...)'], stderr: [] });
    await touchHost(db, { id: 'h1', startedAt: STARTED });
    await touchHost(db, { id: 'h2', startedAt: STARTED });
    await longAgo(db, 'h2');
    const listed = await hostsCommand(['hosts', 'list'], { CODEX_CHAT_DATABASE_URL: url });
    expect(listed.stdout[0]).toMatch(/^ID\s+STATE\s+LAST SEEN\s+PROJECTS$/);
    expect(listed.stdout.slice(1).map((line) => line.split(/\s{2,}/))).toEqual([
      ['h1', 'up', expect.stringMatching(/^\d{4}-.+Z \(\d+ s ago\)$/), '0'],
      ['h2', 'down', expect.stringMatching(/^\d{4}-.+Z \(36\d\d s ago\)$/), '0'],
    ]);
  });

  it('codex-chat hosts list, projects move and cluster nats-config run as commands', async () => {
    const listed = await runCodexChat(['hosts', 'list', '--database', url]);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(/\nh1\s+up\s/);
    expectBadInput(await runCodexChat(['projects', 'move', 'nope', '--host', 'h1', '--database', url, '--data', tempDir()]), 'no project nope (codex-chat projects list lists them)');
    const out = tempDir();
    const written = await runCodexChat(['cluster', 'nats-config', '--hosts', 'h1', '--out', out]);
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(written.stdout).toContain(`nats-server -c ${out}/nats-server.conf`);
    expect(readNatsCredentials(path.join(out, 'front.json')).user).toBe('front');
  }, 180_000);
});
