import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startPostgresServer } from '../../multiuser/testing/postgres-server.js';
import { REPO_ROOT, spawnCli } from '../testing/cli-process.js';
import { startNatsServer } from '../testing/nats-server.js';
import { parseFrontArgs } from './front-args.js';
import { runFront } from './run-front.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-front-cli-'));

/** `codex-chat front ...` in this process (as cli.ts runs it): its exit code and what it printed on stderr. */
async function front(args: string[]): Promise<{ code: number; stderr: string }> {
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
  try {
    return { code: await runFront(args), stderr: printed.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('codex-chat front', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads its flags, the database URL also from CODEX_CHAT_DATABASE_URL', () => {
    const base = ['--nats', 'nats://127.0.0.1:4222', '--nats-credentials', 'front.json'];
    expect(parseFrontArgs([...base, '--database', 'postgres://db/x', '--data', 'd', '--port', '8080', '--no-open', '--secure-cookies'], {}, '/work')).toEqual({
      natsUrl: 'nats://127.0.0.1:4222',
      natsCredentialsFile: '/work/front.json',
      database: 'postgres://db/x',
      dataDir: '/work/d',
      host: '127.0.0.1',
      port: 8080,
      open: false,
      build: true,
      secureCookies: true,
    });
    expect(parseFrontArgs(base, { CODEX_CHAT_DATABASE_URL: 'postgres://env/y' }, '/work')).toMatchObject({ database: 'postgres://env/y', port: 0, open: true });
  });

  it('refuses a bad command line in one line with exit code 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /--nats is required/],
      [['--nats', 'nats://u:p@127.0.0.1:4222', '--nats-credentials', 'f', '--database', 'postgres://x/y'], /must not contain credentials/],
      [['--nats', 'nats://127.0.0.1:4222', '--nats-credentials', 'f'], /--database is required/],
      [['--nats', 'nats://127.0.0.1:4222', '--nats-credentials', 'f', '--database', 'mysql://x'], /postgres:\/\//],
      [['--nats', 'nats://127.0.0.1:4222', '--nats-credentials', 'f', '--database', 'postgres://x/y', '--port', 'http'], /--port must be an integer/],
      [['--nats', '--no-open'], /--nats needs a value/],
      [['--bogus'], /unknown option --bogus/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await front(args);
      expect({ args, code, lines: stderr.trim().split('\n').length }).toEqual({ args, code: 2, lines: 1 });
      expect(stderr).toMatch(message);
    }
  });

  it('says in one line (exit 1) that its NATS credentials file is unsafe', async () => {
    const file = path.join(dir, 'open.json');
    writeFileSync(file, JSON.stringify({ user: 'front', password: 'x' }), { mode: 0o644 });
    const { code, stderr } = await front(['--nats', 'nats://127.0.0.1:4222', '--nats-credentials', file, '--database', 'postgres://127.0.0.1:1/none', '--no-build']);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^codex-chat front: could not start: the NATS credentials file .* is readable by others .*chmod 600 it$/);
  });

  it('runs as a process: prints where it is running, serves /healthz, stops on SIGTERM', async () => {
    const postgres = await startPostgresServer();
    const nats = await startNatsServer({ hosts: ['h1'] });
    try {
      const args = ['front', '--nats', nats.url, '--nats-credentials', nats.credentialsFile('front'), '--data', path.join(dir, 'data'), '--no-open', '--no-build'];
      const process = spawnCli('front', [...args, '--database', await postgres.createDatabase()], REPO_ROOT);
      const [line, port] = await process.waitForLine(/http:\/\/127\.0\.0\.1:(\d+)\/\S*/);
      expect(process.output()).toContain(`[front] codex-chat (cluster front) is running at ${line}`);
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true });
      await process.stop();
      expect(process.output()).toContain('[hub] stopped');
    } finally {
      await nats.stop();
      await postgres.stop();
    }
  }, 120_000);
});
