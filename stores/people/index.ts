export { createPeopleStore } from './create-people-store.js';
export type { PeopleState, PeopleStore } from './create-people-store.js';
export { PeopleProvider, usePeopleStore } from './people-provider.js';
export { usePeopleNames } from './usePeopleNames.js';
