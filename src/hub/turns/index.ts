import type { PublicCustomize } from '../../protocol/index.js';
import type { TurnService, TurnServiceDeps } from '../types.js';

/** The turn runner and agents, as the hub mounts them (issue 4). Grows handler by handler. */
export function createTurnService(_deps: TurnServiceDeps): TurnService {
  return {
    handlers: {},
    recoverInterrupted: async () => {},
    agentsForCustomize: (): PublicCustomize['agents'] => [],
    shutdown: async () => {},
  };
}
