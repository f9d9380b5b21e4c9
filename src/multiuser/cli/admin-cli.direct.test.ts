// The real `codex-chat accounts|projects` process with no hub running: it opens the database itself
// (PGlite in <data>/db, or a Postgres server with --database).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquirePostgresServer, releasePostgresServer, TEST_DATABASE_KINDS } from '../testing/test-databases.js';
import { describeAdminScenario, expectBadInput, runCodexChat } from './admin-cli-scenario.js';
import { DEFAULT_BASE_URL } from './admin-cli.js';

describe('admin command line: bad input is one line and exit code 2 (before any database opens)', () => {
  it.each([
    [['accounts'], 'accounts needs a command: add, list, disable'],
    [['projects', 'frob'], "unknown command 'projects frob' (projects: add, list, move, members)"],
    [['projects', 'members'], 'projects members needs a command: add, remove, list'],
    [['accounts', 'add', '--name', 'N'], "--email is required (the account's email)"],
    [['accounts', 'add', '--email', '--name', 'N'], '--email needs a value'],
    [['accounts', 'add', '--email', 'not-an-email', '--name', 'N'], "--email 'not-an-email' is not an email address"],
    [['accounts', 'add', '--email', 'a@b.org', '--name', 'N', '--bogus'], "unknown option --bogus for 'accounts add' (codex-chat accounts add --help lists its options)"],
    [['accounts', 'disable'], 'accounts disable needs the email of the account'],
    [['projects', 'add', '--name', 'P'], "--owner is required (the owner's email)"],
    [['projects', 'members', 'add', '--project', 'p', '--email', 'a@b.org', '--role', 'boss'], "--role must be one of owner, collaborator, viewer (got 'boss')"],
    [['accounts', 'list', '--database', 'mysql://db'], '--database must be a postgres:// URL'],
  ])('%j', async (args, line) => {
    expectBadInput(await runCodexChat(args), line);
  });

  it('--help prints the commands, exit 0', async () => {
    const exit = await runCodexChat(['accounts', '--help']);
    expect(exit.code).toBe(0);
    for (const command of ['accounts add', 'accounts list', 'accounts disable', 'projects add', 'projects list', 'projects move', 'projects members add', 'projects members remove', 'projects members list', '--data', '--database']) {
      expect(exit.stdout).toContain(command);
    }
  });
});

describe('bin/codex-chat.mjs', () => {
  it('hands accounts and projects to the admin CLI', async () => {
    const bin = fileURLToPath(new URL('../../../bin/codex-chat.mjs', import.meta.url));
    const exit = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'projects', 'members', 'add', '--project', 'p', '--email', 'a@b.org', '--role', 'boss']);
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(exit).toEqual({ code: 2, stderr: "codex-chat: --role must be one of owner, collaborator, viewer (got 'boss')\n" });
  }, 60_000);
});

describe.each(TEST_DATABASE_KINDS)('admin commands with the database opened by the CLI (%s)', (kind) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-admin-'));
  let databaseArgs: string[] = [];
  beforeAll(async () => {
    if (kind === 'postgres') databaseArgs = ['--database', await (await acquirePostgresServer()).createDatabase()];
  }, 60_000);
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres') await releasePostgresServer();
  });

  describeAdminScenario({
    run: (args) => runCodexChat([...args, '--data', dataDir, ...databaseArgs]),
    dataDir: () => dataDir,
    linkBase: DEFAULT_BASE_URL,
    addNote: `note: no hub runs on ${dataDir}; the link uses ${DEFAULT_BASE_URL} (--url sets the hub's address)\n`,
  });

  it('--url sets the link base when no hub runs', async () => {
    const exit = await runCodexChat(['accounts', 'add', '--email', 'dee@example.org', '--name', 'Dee', '--url', 'https://chat.example.org', '--data', dataDir, ...databaseArgs]);
    expect(exit).toMatchObject({ code: 0, stderr: '' });
    expect(exit.stdout).toMatch(/\nhttps:\/\/chat\.example\.org\/login\/link\?token=[A-Za-z0-9_-]{43}\n$/);
  }, 180_000);

  it('a stale hub.json (its process is gone, or alive with no socket) does not stop the CLI', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    for (const pid of [gone.pid, process.pid]) {
      writeFileSync(path.join(dataDir, 'hub.json'), JSON.stringify({ pid, url: 'http://127.0.0.1:1' }));
      const exit = await runCodexChat(['projects', 'list', '--data', dataDir, ...databaseArgs]);
      expect(exit).toMatchObject({ code: 0, stderr: '' });
      expect(exit.stdout).toContain('web-site');
    }
  }, 180_000);
});
