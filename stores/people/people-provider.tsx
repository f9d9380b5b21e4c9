import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { PeopleStore } from './create-people-store.js';

const PeopleContext = createContext<PeopleStore | null>(null);

/** Puts the page's people store in context: author and "who" lines below it show account names. */
export function PeopleProvider({ people, children }: { people: PeopleStore; children: ReactNode }) {
  return <PeopleContext.Provider value={people}>{children}</PeopleContext.Provider>;
}

/** The nearest people store, or null (a host that embeds codex-chat without one: ids show as fallbacks). */
export function usePeopleStore(): PeopleStore | null {
  return useContext(PeopleContext);
}
