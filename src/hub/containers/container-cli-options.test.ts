import { lstatSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../cli-args.js';
import { runContainersCommand } from './containers-command.js';

const hubOptions = (argv: string[]) => {
  const command = parseCliArgs(argv, {}, '/work');
  if (command.kind !== 'hub') throw new Error('not a hub command');
  return command.options;
};

describe('--sandbox podman and its settings', () => {
  it('leaves lite mode on the host without --sandbox', () => {
    expect(hubOptions([]).sandbox).toBeUndefined();
  });

  it('reads the root, network and limits', () => {
    const sandbox = hubOptions(['--sandbox', 'podman', '--rootfs', 'roots/a', '--container-network', 'off', '--container-memory', '512m', '--container-pids', '64', '--container-cpus', '0.5', '--container-idle-stop', '30']).sandbox;
    expect(sandbox).toMatchObject({ rootfs: '/work/roots/a', network: 'off', memory: '512m', pids: 64, cpus: 0.5, idleStopMs: 30_000, systemMounts: ['/usr', '/etc'] });
  });

  it.each([
    [['--sandbox', 'docker', '--rootfs', 'x'], "--sandbox takes podman (got 'docker')"],
    [['--sandbox', 'podman'], '--sandbox podman needs --rootfs DIR'],
    [['--rootfs', 'x'], '--rootfs needs --sandbox podman'],
    [['--sandbox', 'podman', '--rootfs', 'x', '--container-network', 'maybe'], '--container-network takes on, off or host-loopback'],
    [['--sandbox', 'podman', '--rootfs', 'x', '--container-memory', 'lots'], '--container-memory takes a size'],
    [['--sandbox', 'podman', '--rootfs', 'x', '--container-pids', '0'], '--container-pids must be a positive number'],
  ])('refuses %j with one line', (argv, message) => {
    expect(() => parseCliArgs(argv, {}, '/work')).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv, {}, '/work')).toThrow(message);
  });
});

describe('codex-chat containers prepare', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'codex-chat-prepare-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('makes the link-style root, and accepts it again', () => {
    const root = path.join(base, 'root');
    expect(runContainersCommand(['prepare', root])).toBe(0);
    expect(readlinkSync(path.join(root, 'bin'))).toBe('usr/bin');
    expect(readlinkSync(path.join(root, 'lib64'))).toBe('usr/lib64');
    expect(lstatSync(path.join(root, 'project')).isDirectory()).toBe(true);
    expect(runContainersCommand(['prepare', root])).toBe(0);
  });

  it('refuses a folder whose bin is something else, and bad command lines', () => {
    const root = path.join(base, 'taken');
    expect(runContainersCommand(['prepare', root])).toBe(0);
    rmSync(path.join(root, 'bin'));
    writeFileSync(path.join(root, 'bin'), 'not a link');
    expect(runContainersCommand(['prepare', root])).toBe(1);
    expect(runContainersCommand(['prepare'])).toBe(2);
    expect(runContainersCommand(['build', root])).toBe(2);
  });
});
