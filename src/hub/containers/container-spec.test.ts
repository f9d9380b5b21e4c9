import { describe, expect, it } from 'vitest';
import { containerAgentProfile } from './agent-profiles.js';
import { DEFAULT_CONTAINER_SETTINGS } from './container-settings.js';
import { containerName, containerRunArgs, projectMounts, type ContainerPlacement } from './container-spec.js';

const placement = (mode: ContainerPlacement['mode'], cwd = '/p/alpha'): ContainerPlacement => ({ projectId: 'alpha', root: '/p/alpha', mode, cwd });

describe('project container specs', () => {
  it('names a container after the project and the mode (and the writable folder in workspace write)', () => {
    expect(containerName(placement('full-access', '/p/alpha/sub'))).toBe('codex-chat-alpha-full-access');
    expect(containerName(placement('workspace-write'))).toBe('codex-chat-alpha-workspace-write');
    expect(containerName(placement('workspace-write', '/p/alpha/sub'))).toMatch(/^codex-chat-alpha-workspace-write-w[0-9a-f]{8}$/);
  });

  it('mounts the project by execution mode', () => {
    expect(projectMounts(placement('full-access'))).toEqual(['--mount', 'type=bind,source=/p/alpha,target=/project']);
    expect(projectMounts(placement('read-only', '/p/alpha/sub'))).toEqual(['--mount', 'type=bind,source=/p/alpha,target=/project,readonly=true']);
    expect(projectMounts(placement('workspace-write', '/p/alpha/sub'))).toEqual([
      '--mount', 'type=bind,source=/p/alpha,target=/project,readonly=true',
      '--mount', 'type=bind,source=/p/alpha/sub,target=/project/sub',
    ]);
  });

  it('refuses a path podman cannot mount, and a spec without a root', () => {
    expect(() => projectMounts({ ...placement('full-access'), root: '/p/a,b' })).toThrow(/comma/);
    const spec = { name: 'n', placement: placement('read-only'), owner: 'o', settings: DEFAULT_CONTAINER_SETTINGS, agentHome: '/s/home', programMounts: [] };
    expect(() => containerRunArgs(spec)).toThrow(/--rootfs/);
  });

  it('runs read-only, without capabilities, with the limits and the network setting; system folders are not mounted twice', () => {
    const settings = { ...DEFAULT_CONTAINER_SETTINGS, rootfs: '/r', network: 'off' as const, memory: '1g', pids: 64, cpus: 1 };
    const args = containerRunArgs({ name: 'n', placement: placement('read-only'), owner: 'o', settings, agentHome: '/s/home', programMounts: ['/usr/bin', '/opt/app/node_modules'], masked: { files: ['/etc/shadow'], folders: ['/etc/ssh'] } });
    expect(args).toEqual(expect.arrayContaining(['--read-only', '--cap-drop=all', '--network=none', '--memory=1g', '--pids-limit=64', '--cpus=1', '--rootfs', '/r']));
    expect(args.filter((arg) => arg.includes('/usr/bin'))).toEqual(['/usr/bin/sleep']);
    expect(args).toContain('type=bind,source=/opt/app/node_modules,target=/opt/app/node_modules,readonly=true');
    expect(args).toContain('type=bind,source=/dev/null,target=/etc/shadow,readonly=true');
  });

  it("asks codex for its unsandboxed mode in every thread mode and hands it the key with authenticate", () => {
    const rewrite = containerAgentProfile('codex').rewrite!('sk-1');
    expect(rewrite({ method: 'session/set_config_option', params: { sessionId: 's', configId: 'mode', value: 'read-only' } })).toMatchObject({ params: { value: 'agent-full-access' } });
    expect(rewrite({ method: 'session/set_config_option', params: { sessionId: 's', configId: 'model', value: 'm' } })).toMatchObject({ params: { value: 'm' } });
    expect(rewrite({ method: 'authenticate', params: { methodId: 'api-key' } })).toEqual({ method: 'authenticate', params: { methodId: 'api-key', _meta: { 'api-key': { apiKey: 'sk-1' } } } });
  });
});
