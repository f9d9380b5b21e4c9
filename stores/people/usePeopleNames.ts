import { useStore } from 'zustand';
import { createPeopleStore } from './create-people-store.js';
import { usePeopleStore } from './people-provider.js';

// Stands in when no PeopleProvider is above (hooks cannot be called conditionally): knows nobody, asks nobody.
const NOBODY = createPeopleStore();

/** The known account names and a way to ask for more (see PeopleState.request). */
export function usePeopleNames() {
  const people = usePeopleStore() ?? NOBODY;
  const names = useStore(people, (state) => state.names);
  return { names, request: people.getState().request };
}
