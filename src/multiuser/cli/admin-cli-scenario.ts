// Test support: the real `codex-chat` command (src/hub/cli.ts compiled once per test process with
// esbuild, as `npm run build:hub` does, so each run skips transpiling the hub) for the admin
// commands, and the walk through every command and bad-input case that the direct and the
// admin-socket tests both run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let compiled: Promise<string> | undefined;
/** The compiled CLI's runner, under node_modules/.cache so its external packages resolve. */
function compiledCli(): Promise<string> {
  compiled ??= (async () => {
    const outdir = path.join(ROOT, 'node_modules/.cache', `codex-chat-admin-cli-${process.pid}`);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    await build({ entryPoints: { cli: path.join(ROOT, 'src/hub/cli.ts') }, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', splitting: true, outdir, logLevel: 'warning' });
    const runner = path.join(outdir, 'run.mjs');
    writeFileSync(runner, "const { main } = await import('./cli.js');\nawait main(process.argv.slice(2));\n");
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
    return runner;
  })();
  return compiled;
}

export type CliExit = { code: number | null; stdout: string; stderr: string };

export async function runCodexChat(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliExit> {
  const runner = await compiledCli();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, ...args], { env: { ...process.env, CODEX_CHAT_DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Bad input: exit code 2 and exactly one line on stderr, nothing on stdout. */
export function expectBadInput(exit: CliExit, line: string): void {
  expect(exit).toEqual({ code: 2, stdout: '', stderr: `codex-chat: ${line}\n` });
}

export type ScenarioOptions = {
  /** Runs `codex-chat <args>` against the database under test (adds --data / --database). */
  run(args: string[]): Promise<CliExit>;
  dataDir(): string;
  /** The base the login link must start with, and the stderr accounts add prints (a note or nothing). */
  linkBase: string;
  addNote: string;
};

// A step runs several CLI processes; with PGlite each one opens <data>/db (the first run creates
// it), which takes seconds on a loaded machine.
const STEP_TIMEOUT_MS = 180_000;

/** Declares the steps as tests, in order: each builds on the accounts and projects of the ones before. */
export function describeAdminScenario(options: ScenarioOptions): void {
  const { run } = options;
  const step = (name: string, fn: () => Promise<void>) => it(name, fn, STEP_TIMEOUT_MS);
  const ok = async (args: string[]) => {
    const exit = await run(args);
    expect(exit.stderr).toBe('');
    expect(exit.code).toBe(0);
    return exit.stdout.trimEnd().split('\n');
  };

  step('accounts add prints the one-time login link; the email is stored lowercased', async () => {
    const exit = await run(['accounts', 'add', '--email', 'Ann@Example.org', '--name', 'Ann Lee', '--admin']);
    expect(exit.code).toBe(0);
    expect(exit.stderr).toBe(options.addNote);
    const [said, link] = exit.stdout.trimEnd().split('\n');
    expect(said).toMatch(/^added ann@example\.org \(Ann Lee\) as an admin; one-time login link, valid until \d{4}-\d\d-\d\dT[\d:.]+Z:$/);
    expect(link).toMatch(new RegExp(`^${options.linkBase.replace(/[.]/g, '\\.')}/login/link\\?token=[A-Za-z0-9_-]{43}$`));
    for (const [email, name] of [['bo@example.org', 'Bo'], ['cy@example.org', 'Cy']]) {
      expect(await run(['accounts', 'add', '--email', email, '--name', name])).toMatchObject({ code: 0, stderr: options.addNote });
    }
  });

  step('accounts add of a taken email (any case): exit 2, one line', async () => {
    expectBadInput(await run(['accounts', 'add', '--email', 'ANN@example.org', '--name', 'Other']), 'an account with email ann@example.org already exists');
  });

  step('accounts list shows each account with admin flag and status', async () => {
    const lines = await ok(['accounts', 'list']);
    expect(lines[0]).toMatch(/^EMAIL\s+NAME\s+ADMIN\s+STATUS\s+CREATED$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['ann@example.org', 'Ann Lee', 'yes', 'invited'],
      ['bo@example.org', 'Bo', 'no', 'invited'],
      ['cy@example.org', 'Cy', 'no', 'invited'],
    ]);
  });

  step('projects add makes <data>/projects/<id> and the owner; bad owner, taken name, a file as folder: exit 2', async () => {
    expect(await ok(['projects', 'add', '--name', 'Web Site', '--owner', 'ann@example.org'])).toEqual([
      `added project Web Site (id web-site) in ${path.join(options.dataDir(), 'projects', 'web-site')}, owner ann@example.org`,
    ]);
    expect(existsSync(path.join(options.dataDir(), 'projects', 'web-site'))).toBe(true);
    expectBadInput(await run(['projects', 'add', '--name', 'Web Site', '--owner', 'bo@example.org']), 'a project named Web Site already exists');
    expectBadInput(await run(['projects', 'add', '--name', 'Nobody', '--owner', 'nobody@example.org']), 'no account with email nobody@example.org (codex-chat accounts list lists them)');
    const file = path.join(options.dataDir(), 'a-file');
    writeFileSync(file, 'x');
    expectBadInput(await run(['projects', 'add', '--name', 'Filed', '--owner', 'bo@example.org', '--folder', file]), `--folder ${file} is a file, not a folder`);
  });

  step('projects add --folder creates a missing folder; projects list shows both with member counts', async () => {
    const folder = path.join(options.dataDir(), 'elsewhere', 'api');
    await ok(['projects', 'add', '--name', 'API', '--owner', 'bo@example.org', '--folder', folder]);
    expect(existsSync(folder)).toBe(true);
    const lines = await ok(['projects', 'list']);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/))).toEqual([
      ['api', 'API', '1', folder],
      ['web-site', 'Web Site', '1', path.join(options.dataDir(), 'projects', 'web-site')],
    ]);
  });

  step('members add (default collaborator, --role viewer, a role change); unknown project or email: exit 2', async () => {
    expect(await ok(['projects', 'members', 'add', '--project', 'web-site', '--email', 'bo@example.org'])).toEqual(['added bo@example.org to web-site as collaborator']);
    expect(await ok(['projects', 'members', 'add', '--project', 'Web Site', '--email', 'cy@example.org', '--role', 'collaborator'])).toEqual(['added cy@example.org to web-site as collaborator']);
    expect(await ok(['projects', 'members', 'add', '--project', 'web-site', '--email', 'cy@example.org', '--role', 'viewer'])).toEqual(['cy@example.org is now viewer of web-site (was collaborator)']);
    expectBadInput(await run(['projects', 'members', 'add', '--project', 'nope', '--email', 'bo@example.org']), 'no project nope (codex-chat projects list lists them)');
    expectBadInput(await run(['projects', 'members', 'add', '--project', 'web-site', '--email', 'zed@example.org']), 'no account with email zed@example.org (codex-chat accounts list lists them)');
  });

  step('members list shows owners first', async () => {
    const lines = await ok(['projects', 'members', 'list', '--project', 'web-site']);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['ann@example.org', 'Ann Lee', 'owner'],
      ['bo@example.org', 'Bo', 'collaborator'],
      ['cy@example.org', 'Cy', 'viewer'],
    ]);
    expectBadInput(await run(['projects', 'members', 'list', '--project', 'nope']), 'no project nope (codex-chat projects list lists them)');
  });

  step('members remove; a non-member and the last owner: exit 2', async () => {
    expect(await ok(['projects', 'members', 'remove', '--project', 'web-site', '--email', 'bo@example.org'])).toEqual(['removed bo@example.org (collaborator) from web-site']);
    expectBadInput(await run(['projects', 'members', 'remove', '--project', 'web-site', '--email', 'bo@example.org']), 'bo@example.org is not a member of web-site');
    expectBadInput(await run(['projects', 'members', 'remove', '--project', 'web-site', '--email', 'ann@example.org']), 'refused: web-site would have no owner left');
  });

  step('accounts disable; again says so; an unknown email: exit 2', async () => {
    expect(await ok(['accounts', 'disable', 'CY@example.org'])).toEqual(['disabled cy@example.org: its sessions and login links no longer work']);
    expect((await ok(['accounts', 'disable', 'cy@example.org']))[0]).toMatch(/^cy@example\.org was already disabled \(/);
    expectBadInput(await run(['accounts', 'disable', 'zed@example.org']), 'no account with email zed@example.org (codex-chat accounts list lists them)');
    expect((await ok(['accounts', 'list'])).find((line) => line.startsWith('cy@'))).toMatch(/\sdisabled\s/);
  });
}
