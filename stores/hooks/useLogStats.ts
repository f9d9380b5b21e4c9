import { useEffect, useState } from 'react';
import { useCodexRuntime } from '../provider.js';

/**
 * The size of the hub's activity logs (`logs.stats`, admin only), loaded once when `enabled`; null
 * while unknown, without a hub connection, or when the hub refused (the reason is logged).
 */
export function useLogStats(enabled: boolean): { bytes: number; turns: number } | null {
  const { turns, api } = useCodexRuntime();
  const [stats, setStats] = useState<{ bytes: number; turns: number } | null>(null);
  useEffect(() => {
    if (!enabled || !api) return;
    let current = true;
    turns
      .getState()
      .loadLogStats()
      .then((loaded) => current && setStats(loaded))
      .catch((error: unknown) => console.warn('[admin] could not read the size of the activity logs:', error));
    return () => {
      current = false;
    };
  }, [enabled, api, turns]);
  return stats;
}
