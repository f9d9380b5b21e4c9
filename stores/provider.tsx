import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { SessionStore } from './session/index.js';
import type { TurnStore } from './turns/index.js';
import type { ViewStore } from './view/index.js';

/** The stores a CodexThread reads. `chat` is the room's chat store (typed by its owner). */
export type CodexStores = { chat?: StoreApi<unknown>; turns: TurnStore; session: SessionStore; view: ViewStore };

const CodexStoresContext = createContext<CodexStores | null>(null);

/** Puts the stores in React context for every component and hook below. */
export function CodexChatProvider({ stores, children }: { stores: CodexStores; children: ReactNode }) {
  return <CodexStoresContext.Provider value={stores}>{children}</CodexStoresContext.Provider>;
}

/** The stores of the nearest CodexChatProvider; throws a clear error outside one. */
export function useCodexStores(): CodexStores {
  const stores = useContext(CodexStoresContext);
  if (!stores) throw new Error('[stores] useCodexStores() needs a <CodexChatProvider> above it');
  return stores;
}
