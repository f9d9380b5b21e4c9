import type { AcpApi } from '../../src/acp-api/index.js';

/**
 * The api of a runtime built without one (stories, component tests of a single view): every call
 * fails with a clear message, nothing ever arrives, and the connection reads as closed.
 */
export function createOfflineApi(): AcpApi {
  return {
    call: (method) => Promise.reject(new Error(`[codex-chat] ${method} needs an acp-api connection; this runtime was built without an api`)),
    on: () => () => {},
    subscribeTurn: () => () => {},
    connectionState: () => ({ type: 'closed', reason: 'no acp-api connection' }),
    onConnectionChange: () => () => {},
    close: () => {},
  };
}
