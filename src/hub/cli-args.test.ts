import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkFolders, CliUsageError, parseCliArgs, type CliCommand } from './cli-args.js';

const ENV = { XDG_STATE_HOME: '/state' };
const parse = (argv: string[], env: NodeJS.ProcessEnv = ENV) => parseCliArgs(argv, env, '/work');
const hubOptions = (command: CliCommand) => {
  if (command.kind !== 'hub') throw new Error(`expected the hub, got ${command.kind}`);
  return command.options;
};
const usageError = (argv: string[], env: NodeJS.ProcessEnv = ENV) => {
  try {
    parse(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
};

describe('parseCliArgs', () => {
  it('defaults: the current folder, a free port on 127.0.0.1, XDG state, open and build', () => {
    expect(hubOptions(parse([]))).toEqual({ root: '/work', port: 0, host: '127.0.0.1', stateDir: '/state/codex-chat', open: true, build: true, token: undefined, adminToken: undefined });
  });

  it('reads every flag, with a space or an equals sign', () => {
    const options = hubOptions(parse(['--root', 'ws', '--port=8080', '--host', '0.0.0.0', '--state-dir', '/s', '--no-open', '--no-build', '--token', 'a'.repeat(16), '--admin-token=adm']));
    expect(options).toEqual({ root: '/work/ws', port: 8080, host: '0.0.0.0', stateDir: '/s', open: false, build: false, token: 'a'.repeat(16), adminToken: 'adm' });
  });

  it('reads CODEX_CHAT_ROOT, _PORT, _HOST, _TOKEN and _ADMIN_TOKEN; flags win over them', () => {
    const env = { ...ENV, CODEX_CHAT_ROOT: '/env-root', CODEX_CHAT_PORT: '4000', CODEX_CHAT_HOST: '::1', CODEX_CHAT_TOKEN: 'stable-token-0123456789', CODEX_CHAT_ADMIN_TOKEN: 'adm' };
    expect(hubOptions(parse([], env))).toMatchObject({ root: '/env-root', port: 4000, host: '::1', token: 'stable-token-0123456789', adminToken: 'adm' });
    expect(hubOptions(parse(['--root', 'flag', '--port', '5000'], env))).toMatchObject({ root: '/work/flag', port: 5000 });
  });

  it('a flag where a value belongs is an error, not a value', () => {
    expect(usageError(['--root', '--no-open'])).toBe('--root needs a value (got --no-open)');
    expect(usageError(['--port'])).toBe('--port needs a value');
    expect(usageError(['--root='])).toBe('--root needs a value');
  });

  it('unknown flags, values on switches, stray words and bad numbers are one-line errors', () => {
    expect(usageError(['--bogus'])).toBe('unknown option --bogus (codex-chat --help lists the options)');
    expect(usageError(['-x'])).toBe('unknown option -x (codex-chat --help lists the options)');
    expect(usageError(['--no-open=yes'])).toBe('--no-open takes no value');
    expect(usageError(['some-folder'])).toBe("unexpected argument 'some-folder' (a workspace folder goes after --root)");
    expect(usageError(['--port', '70000'])).toBe("--port must be an integer from 0 to 65535 (got '70000')");
    expect(usageError(['--port=-1'])).toBe("--port must be an integer from 0 to 65535 (got '-1')");
    expect(usageError([], { ...ENV, CODEX_CHAT_PORT: '1.5' })).toBe("CODEX_CHAT_PORT must be an integer from 0 to 65535 (got '1.5')");
    for (const message of [usageError(['--bogus']), usageError(['--root', '--no-open'])]) expect(message).not.toContain('\n');
  });

  it('a token is at least 16 URL-safe characters, from the flag or the environment', () => {
    expect(usageError(['--token', 'short'])).toMatch(/^--token must be at least 16 characters/);
    expect(usageError([], { ...ENV, CODEX_CHAT_TOKEN: 'has space in it, 16+' })).toMatch(/^CODEX_CHAT_TOKEN must be/);
  });

  it('--help and --version win over everything else', () => {
    expect(parse(['--port', '1', '--help'])).toEqual({ kind: 'help' });
    expect(parse(['-h'])).toEqual({ kind: 'help' });
    expect(parse(['--version'])).toEqual({ kind: 'version' });
  });
});

describe('parseCliArgs --multiuser', () => {
  it('defaults the data dir to the state dir and reads --data, --database (or its env), --host, --port', () => {
    expect(parse(['--multiuser', '--sandbox', 'none'])).toEqual({ kind: 'multiuser', options: { dataDir: '/state/codex-chat', port: 0, host: '127.0.0.1', open: true, build: true } });
    expect(parse(['--multiuser', '--sandbox', 'none', '--data', 'd', '--database', 'postgres://db/x', '--host', '0.0.0.0', '--port=9000', '--no-open'])).toEqual({
      kind: 'multiuser',
      options: { dataDir: '/work/d', database: 'postgres://db/x', port: 9000, host: '0.0.0.0', open: false, build: true },
    });
    expect(parse(['--multiuser', '--sandbox', 'none'], { ...ENV, CODEX_CHAT_DATABASE_URL: 'postgresql://u:p@db/x' })).toMatchObject({ options: { database: 'postgresql://u:p@db/x' } });
  });

  it('refuses lite-only options, a non-postgres URL and multiuser options without --multiuser, each in one line', () => {
    expect(usageError(['--multiuser', '--root', 'ws'])).toMatch(/^--root is for lite mode/);
    expect(usageError(['--multiuser', '--token', 'a'.repeat(16)])).toMatch(/^--token is for lite mode/);
    expect(usageError(['--multiuser', '--database', 'mysql://x'])).toBe('--database must be a postgres:// URL');
    expect(usageError(['--data', 'd'])).toBe('--data is for --multiuser');
    expect(usageError(['--multiuser', '--data'])).toBe('--data needs a value');
  });
});

describe('checkFolders', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-cli-'));
  const file = path.join(base, 'a-file');
  writeFileSync(file, '');
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const options = (root: string, stateDir = path.join(base, 'state')) => hubOptions(parseCliArgs(['--root', root, '--state-dir', stateDir], ENV, base));

  it('accepts an existing workspace folder and a missing state dir (the hub creates it)', () => {
    expect(() => checkFolders(options(base))).not.toThrow();
  });

  it('rejects a missing workspace, a file as workspace and a file as state dir', () => {
    expect(() => checkFolders(options('missing'))).toThrow(`the workspace folder ${path.join(base, 'missing')} does not exist`);
    expect(() => checkFolders(options(file))).toThrow(`the workspace ${file} is a file, not a folder`);
    expect(() => checkFolders(options(base, file))).toThrow(`the state dir ${file} is a file, not a folder`);
  });
});
