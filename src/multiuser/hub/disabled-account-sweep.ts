import type { ClientRegistry } from '../../hub/client-registry.js';
import type { Queryable } from '../db/index.js';

/** How often the connected accounts are checked for being disabled (default). */
export const DISABLED_SWEEP_INTERVAL_MS = 30_000;

/**
 * Closes the open connections of accounts disabled since they connected (`accounts disable` by
 * the CLI): their sessions are refused from then on, and an open WebSocket would otherwise stay.
 * One query per interval for all connected accounts; the timer does not keep the process alive.
 */
export function startDisabledAccountSweep(db: Queryable, clients: ClientRegistry, intervalMs = DISABLED_SWEEP_INTERVAL_MS): { stop(): void } {
  let running = false;
  const sweep = async () => {
    const connected = clients.accountIds();
    if (running || connected.length === 0) return;
    running = true;
    try {
      const disabled = await db.query<{ id: string }>(`select id from accounts where id = any($1::text[]) and disabled_at is not null`, [connected]);
      for (const { id } of disabled) clients.closeAccount(id, 4001, 'account disabled');
    } catch (error) {
      console.warn(`[hub] checking for disabled accounts failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
