import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../cli-args.js';
import { DEFAULT_CONTAINER_SETTINGS } from './container-settings.js';

const multiuserOptions = (argv: string[]) => {
  const command = parseCliArgs(['--multiuser', ...argv], {}, '/work');
  if (command.kind !== 'multiuser') throw new Error('not a multiuser command');
  return command.options;
};

function usageError(argv: string[]): string {
  try {
    multiuserOptions(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('--multiuser: agents in project containers by default', () => {
  it('takes the lite container flags, with --sandbox podman the default', () => {
    expect(multiuserOptions(['--rootfs', 'roots/a']).containers).toEqual({ ...DEFAULT_CONTAINER_SETTINGS, rootfs: '/work/roots/a' });
    const containers = multiuserOptions(['--sandbox', 'podman', '--image', 'debian:stable', '--container-network', 'off', '--container-memory', '2g', '--container-pids', '100', '--container-cpus', '1', '--container-idle-stop', '60']).containers;
    expect(containers).toMatchObject({ image: 'debian:stable', network: 'off', memory: '2g', pids: 100, cpus: 1, idleStopMs: 60_000, systemMounts: [] });
  });

  it('--sandbox none: agents on the host, no container settings', () => {
    expect(multiuserOptions(['--sandbox', 'none']).containers).toBeUndefined();
  });

  it('refuses in one line: no root or image, a root with --sandbox none, an unknown sandbox, a bad limit', () => {
    expect(usageError([])).toBe('--multiuser runs agents in podman containers: give --rootfs DIR (codex-chat containers prepare DIR makes one) or --image NAME, or --sandbox none (development only: agents on the host)');
    expect(usageError(['--sandbox', 'none', '--rootfs', 'x'])).toBe('--rootfs needs --sandbox podman');
    expect(usageError(['--sandbox', 'docker', '--rootfs', 'x'])).toBe("--sandbox takes podman or none (got 'docker')");
    expect(usageError(['--rootfs', 'x', '--container-pids', '0'])).toBe("--container-pids must be a positive number (got '0')");
  });
});
