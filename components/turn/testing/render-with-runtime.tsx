import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import type { TurnEvent } from '../../../src/protocol/index.js';
import { CodexProvider } from '../../../stores/provider.js';
import { createCodexRuntime } from '../../../stores/runtime/index.js';
import type { CardOverrides, CodexRuntime, CodexRuntimeOptions } from '../../../stores/runtime/index.js';
import type { SessionSeed } from '../../../stores/session/index.js';

/**
 * A real runtime for a component test of one view, with no chat document: `events` are ingested
 * into turn `turnId` through the real reducer. Without `api`, hub calls fail with a clear error.
 */
export function createTestRuntime({ api, seed = {}, turnId = 't1', events = [], cards }: { api?: CodexRuntimeOptions['api']; seed?: SessionSeed; turnId?: string; events?: TurnEvent[]; cards?: CardOverrides } = {}): CodexRuntime {
  const runtime = createCodexRuntime({ api, accountId: 'test-account', seed, cards, openDocument: () => Promise.reject(new Error('[test] this runtime has no chat documents')) });
  if (events.length > 0) runtime.turns.getState().ingestEvents(turnId, events);
  return runtime;
}

/** Renders `ui` inside a CodexProvider holding `runtime`. */
export function renderWithRuntime(ui: ReactElement, runtime: CodexRuntime) {
  return render(<CodexProvider runtime={runtime}>{ui}</CodexProvider>);
}
