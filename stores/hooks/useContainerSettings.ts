import { useEffect, useState } from 'react';
import type { ContainerSettingsInfo } from '../../src/protocol/index.js';
import { useCodexRuntime } from '../provider.js';

/**
 * Where the hub runs agents (settings.get's `containers`, sent to admins only), read once when
 * `enabled`; null while unknown, without a hub connection, or when the hub does not say (lite on the host).
 */
export function useContainerSettings(enabled: boolean): ContainerSettingsInfo | null {
  const { api } = useCodexRuntime();
  const [containers, setContainers] = useState<ContainerSettingsInfo | null>(null);
  useEffect(() => {
    if (!enabled || !api) return;
    let current = true;
    api.call('settings.get', {}).then(
      (result) => current && setContainers(result.containers ?? null),
      (error: unknown) => console.warn('[admin] could not read the container settings:', error),
    );
    return () => {
      current = false;
    };
  }, [enabled, api]);
  return containers;
}
