import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, startTestHub } from '../hub-test-helpers.js';
import { containerSettingsInfo } from './container-settings-info.js';
import { DEFAULT_CONTAINER_SETTINGS } from './container-settings.js';

describe('settings.get of a lite hub with --sandbox podman (real hub)', () => {
  const settings = { ...DEFAULT_CONTAINER_SETTINGS, rootfs: '/srv/root', podman: '/opt/podman' };
  let hub: Awaited<ReturnType<typeof startTestHub>> | undefined;
  afterAll(() => hub?.dispose());

  it('tells the admin the container settings (not the podman path nor the system mounts) and no one else', async () => {
    hub = await startTestHub({ adminToken: 'admin-secret-0123456789', containers: containerSettingsInfo(settings) });
    const admin = connectClient(hub, { extraQuery: '&admin=admin-secret-0123456789' });
    const other = connectClient(hub);
    try {
      expect((await admin.call('settings.get', {})).containers).toEqual({ mode: 'podman', rootfs: '/srv/root', network: 'on', memory: '4g', pids: 512, cpus: 2, idleStopSeconds: 600 });
      expect((await other.call('settings.get', {})).containers).toBeUndefined();
    } finally {
      admin.close();
      other.close();
    }
  });
});
