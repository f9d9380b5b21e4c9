import { createStore } from 'zustand/vanilla';
import type { AcpApi } from '../../src/acp-api/index.js';
import type { Person } from '../../src/protocol/index.js';

// One people.get asks for at most this many ids; more wait for the next batch.
const MAX_IDS_PER_CALL = 100;

/** Display names of accounts (authors, approvers, who queued or interrupted), asked of the hub in batches. */
export type PeopleState = {
  /** Known names by account id. */
  names: Record<string, string>;
  /**
   * Asks the hub for the names of ids not known or asked yet. Safe to call while rendering: the ids
   * are collected and sent in one `people.get` after the current task, never twice.
   */
  request(accountIds: readonly string[]): void;
  /** Records names known otherwise (this account's own after a rename, a seed). */
  remember(people: readonly Person[]): void;
};

export type PeopleStore = ReturnType<typeof createPeopleStore>;

/** The people store of one page; without an api it only knows what it is told (stories, tests). */
export function createPeopleStore({ api, seed = [] }: { api?: AcpApi | null; seed?: readonly Person[] } = {}) {
  const asked = new Set<string>();
  let waiting = new Set<string>();
  let scheduled = false;

  const store = createStore<PeopleState>()((set, get) => ({
    names: Object.fromEntries(seed.map((person) => [person.accountId, person.name])),
    request(accountIds) {
      if (!api) return;
      for (const id of accountIds) {
        if (typeof id !== 'string' || id === '' || asked.has(id) || id in get().names) continue;
        asked.add(id);
        waiting.add(id);
      }
      if (waiting.size === 0 || scheduled) return;
      scheduled = true;
      queueMicrotask(flush);
    },
    remember(people) {
      if (people.length === 0) return;
      set((state) => ({ names: { ...state.names, ...Object.fromEntries(people.map((person) => [person.accountId, person.name])) } }));
    },
  }));

  function flush(): void {
    scheduled = false;
    const ids = [...waiting];
    waiting = new Set();
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_CALL) {
      const batch = ids.slice(start, start + MAX_IDS_PER_CALL);
      api!.call('people.get', { accountIds: batch }).then(
        ({ people }) => store.getState().remember(people.filter((person) => typeof person?.accountId === 'string' && typeof person.name === 'string')),
        // Not asked again: the page shows the fallback name ("User 3f2a9c") rather than retrying in a loop.
        (error: unknown) => console.warn(`[people] people.get of ${batch.length} account(s) failed:`, error),
      );
    }
  }

  return store;
}
