// The hub lifecycle of the turn tests (vitest only: the turns benchmark uses turn-test-helpers.ts alone).
import { afterEach } from 'vitest';
import type { HubOptions } from '../../server.js';
import { startTurnHub, type TurnHub } from './turn-test-helpers.js';

/**
 * For a describe block: registers an afterEach that closes every hub started through the returned
 * function (newest first, so a hub reusing another's folders closes before they are removed).
 */
export function useTurnHubs(): (options?: Partial<HubOptions>, existing?: { root: string; stateDir: string }) => Promise<TurnHub> {
  const hubs: TurnHub[] = [];
  afterEach(async () => {
    for (const hub of hubs.splice(0).reverse()) await hub.close();
  });
  return async (options = {}, existing) => {
    const started = await startTurnHub(existing, options);
    hubs.push(started);
    return started;
  };
}
