// The real `codex-chat` process (bin/codex-chat.mjs): exit codes, stderr, and a hub it starts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeTempDirs } from './hub-test-helpers.js';
import { fetchWithToken } from './testing/fetch-with-token.js';

const BIN = fileURLToPath(new URL('../../bin/codex-chat.mjs', import.meta.url));

type Exit = { code: number | null; stdout: string; stderr: string };

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the codex-chat command', () => {
  it.each([
    [['--root', '--no-open'], 'codex-chat: --root needs a value (got --no-open)'],
    [['--bogus'], 'codex-chat: unknown option --bogus (codex-chat --help lists the options)'],
    [['--port', 'abc'], "codex-chat: --port must be an integer from 0 to 65535 (got 'abc')"],
    [['--root', '/no/such/folder'], 'codex-chat: the workspace folder /no/such/folder does not exist'],
    [['stray'], "codex-chat: unexpected argument 'stray' (a workspace folder goes after --root)"],
  ])('%j: one line on stderr, exit code 2', async (args, line) => {
    const result = await runCli(args);
    expect(result.stderr).toBe(`${line}\n`);
    expect(result.code).toBe(2);
  });

  it('agents install is dispatched to the agents subcommand (bad input: exit code 2, no npm run)', async () => {
    const builtIn = await runCli(['agents', 'install', 'demo']);
    expect(builtIn.code).toBe(2);
    expect(builtIn.stderr).toMatch(/^codex-chat agents: Demo is built in; there is nothing to install\n/);
    expect((await runCli(['agents', 'install', 'no-such-agent'])).stderr).toMatch(/^codex-chat agents: unknown agent "no-such-agent"\n/);
  });

  it('a bad CODEX_CHAT_PORT is a usage error too', async () => {
    const result = await runCli([], { CODEX_CHAT_PORT: 'eighty' });
    expect(result).toMatchObject({ code: 2, stderr: "codex-chat: CODEX_CHAT_PORT must be an integer from 0 to 65535 (got 'eighty')\n" });
  });

  it('--version prints the package version; --help the options', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--root', '--port', '--host', '--state-dir', '--token', '--admin-token', '--no-open', '--no-build', '--version', 'agents install']) expect(help.stdout).toContain(flag);
  });

  it('starts the hub with CODEX_CHAT_TOKEN as a stable URL, on CODEX_CHAT_ROOT, and stops on SIGTERM', async () => {
    const dirs = await makeTempDirs();
    const token = 'stable-token-for-the-cli-test';
    const child = spawn(process.execPath, [BIN, '--no-open', '--no-build', '--state-dir', dirs.stateDir], {
      env: { ...process.env, DISPLAY: '', CODEX_CHAT_TOKEN: token, CODEX_CHAT_ROOT: dirs.root, CODEX_CHAT_HOST: '127.0.0.1' },
    });
    try {
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const match = /running at (\S+)/.exec(stdout);
          if (match) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`the hub exited (${code}): ${stdout}`)));
      });
      expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${token}$`));
      expect(stdout).toContain(`[hub] workspace ${dirs.root}`);
      expect((await fetchWithToken(url, '/healthz')).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await dirs.remove();
    }
  });

  it('a port already taken is one line and exit code 1', async () => {
    const dirs = await makeTempDirs();
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((server.address() as { port: number }).port);
      const result = await runCli(['--no-open', '--no-build', '--root', dirs.root, '--state-dir', dirs.stateDir, '--port', port]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^codex-chat: could not start the hub: .*EADDRINUSE.*\n$/);
    } finally {
      server.close();
      await dirs.remove();
    }
  });
});
