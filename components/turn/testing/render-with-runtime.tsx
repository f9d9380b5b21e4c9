import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import type { TurnEvent } from '../../../src/protocol/index.js';
import { CodexChatProvider } from '../../../stores/provider.js';
import type { CodexStores } from '../../../stores/provider.js';
import { createSessionStore } from '../../../stores/session/index.js';
import type { SessionSeed } from '../../../stores/session/index.js';
import { createTurnStore } from '../../../stores/turns/index.js';
import type { TurnStoreOptions } from '../../../stores/turns/index.js';
import { createViewStore } from '../../../stores/view/index.js';

/** Real stores for a component test; `events` are ingested into turn `turnId` through the real reducer. */
export function createTestStores({ api, seed, turnId = 't1', events = [] }: { api?: TurnStoreOptions['api']; seed?: SessionSeed; turnId?: string; events?: TurnEvent[] } = {}): CodexStores {
  const stores = { turns: createTurnStore({ api }), session: createSessionStore({ api, seed }), view: createViewStore() };
  if (events.length > 0) stores.turns.getState().ingestEvents(turnId, events);
  return stores;
}

/** Renders `ui` inside a CodexChatProvider holding `stores`. */
export function renderWithStores(ui: ReactElement, stores: CodexStores) {
  return render(<CodexChatProvider stores={stores}>{ui}</CodexChatProvider>);
}
