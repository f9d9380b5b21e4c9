import type { ContainerSettingsInfo } from '../../protocol/index.js';
import type { ContainerSettings } from './container-settings.js';

/** What settings.get tells admins about the containers (no podman path, no system mounts); undefined settings: agents on the host. */
export function containerSettingsInfo(settings: ContainerSettings | undefined): ContainerSettingsInfo {
  if (!settings) return { mode: 'none' };
  return {
    mode: 'podman',
    ...(settings.rootfs ? { rootfs: settings.rootfs } : {}),
    ...(settings.image ? { image: settings.image } : {}),
    network: settings.network,
    ...(settings.memory ? { memory: settings.memory } : {}),
    ...(settings.pids ? { pids: settings.pids } : {}),
    ...(settings.cpus ? { cpus: settings.cpus } : {}),
    idleStopSeconds: Math.round(settings.idleStopMs / 1000),
  };
}
