import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseProjectHostArgs, ProjectHostUsageError } from './project-host-args.js';
import { runProjectHost } from './run-project-host.js';

const BASE = ['--id', 'h1', '--nats', 'nats://127.0.0.1:4222', '--nats-credentials', 'creds/h1.json', '--database', 'postgres://db.example/codex', '--data', 'data'];

function problem(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    parseProjectHostArgs(argv, env, '/srv');
  } catch (error) {
    if (error instanceof ProjectHostUsageError) return error.message;
    throw error;
  }
  throw new Error('no problem found');
}

describe('codex-chat project-host arguments', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the options, paths resolved from the current folder, --sandbox none: agents on the host', () => {
    expect(parseProjectHostArgs([...BASE, '--sandbox', 'none'], {}, '/srv')).toEqual({
      id: 'h1',
      natsUrl: 'nats://127.0.0.1:4222',
      natsCredentialsFile: path.join('/srv', 'creds/h1.json'),
      database: 'postgres://db.example/codex',
      dataDir: path.join('/srv', 'data'),
      containers: undefined,
    });
    expect(parseProjectHostArgs([...BASE, '--rootfs', 'root'], {}, '/srv')).toMatchObject({ containers: { rootfs: path.join('/srv', 'root') } });
    const fromEnv = parseProjectHostArgs([...BASE.slice(0, 6), '--data', 'data', '--sandbox', 'none'], { CODEX_CHAT_DATABASE_URL: 'postgres://env/codex' }, '/srv');
    expect(fromEnv).toMatchObject({ database: 'postgres://env/codex' });
  });

  it('says in one line what is wrong', () => {
    expect(problem(['--data', '--id', 'h1'])).toBe('--data needs a value (codex-chat project-host --help)');
    expect(problem(BASE.slice(2))).toBe('project-host needs --id H (codex-chat project-host --help)');
    expect(problem(['--id', 'H.1', ...BASE.slice(2)])).toMatch(/^--id must be lowercase letters/);
    expect(problem([...BASE.slice(0, 2), '--nats', 'nats://user:pw@127.0.0.1:4222', ...BASE.slice(4)])).toMatch(/never in the URL/);
    expect(problem([...BASE.slice(0, 6), '--data', 'data'])).toMatch(/needs --database postgres:\/\//);
    expect(problem([...BASE, '--database', 'mysql://x'])).toMatch(/needs --database postgres:\/\//);
    expect(problem(BASE)).toMatch(/^a project host runs agents in podman containers: give --rootfs DIR .* or --sandbox none/);
    expect(problem([...BASE, '--sandbox', 'chroot'])).toMatch(/--sandbox takes podman or none/);
    expect(problem([...BASE, '--port', '80'])).toMatch(/Unknown option '--port'/);
    for (const message of [problem(BASE.slice(2)), problem(BASE)]) expect(message).not.toContain('\n');
  });

  it('exits 2 with one line on stderr for a bad command line or an unreadable credentials file', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    expect(await runProjectHost(['--id'])).toBe(2);
    expect(await runProjectHost([...BASE, '--sandbox', 'none', '--nats-credentials', '/no/such/file.json'])).toBe(2);
    expect(errors).toEqual(['codex-chat: --id needs a value (codex-chat project-host --help)', expect.stringMatching(/^codex-chat: cannot read the NATS credentials file \/no\/such\/file\.json: ENOENT/)]);
  });
});
