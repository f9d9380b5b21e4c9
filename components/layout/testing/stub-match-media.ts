// jsdom has no layout and no real `matchMedia` (components/test-setup.ts installs one that never
// matches). Tests of the theme and the narrow layout replace it with this stub, the only stand-in
// they use: it answers the queries a test says match, and tells listeners when that changes.
type Listener = (event: MediaQueryListEvent) => void;

export type MatchMediaStub = {
  /** Says whether `query` matches from now on, notifying its `change` listeners. */
  set: (query: string, matches: boolean) => void;
  restore: () => void;
};

export function stubMatchMedia(initial: Record<string, boolean> = {}): MatchMediaStub {
  const original = window.matchMedia;
  const matching = new Map(Object.entries(initial));
  const listeners = new Map<string, Set<Listener>>();
  const listenersOf = (query: string) => listeners.get(query) ?? listeners.set(query, new Set()).get(query)!;

  window.matchMedia = (query: string) =>
    ({
      get matches() {
        return matching.get(query) ?? false;
      },
      media: query,
      onchange: null,
      addEventListener: (_type: string, listener: Listener) => listenersOf(query).add(listener),
      removeEventListener: (_type: string, listener: Listener) => listenersOf(query).delete(listener),
      addListener: (listener: Listener) => listenersOf(query).add(listener),
      removeListener: (listener: Listener) => listenersOf(query).delete(listener),
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;

  return {
    set(query, matches) {
      matching.set(query, matches);
      for (const listener of [...listenersOf(query)]) listener({ matches, media: query } as MediaQueryListEvent);
    },
    restore() {
      window.matchMedia = original;
    },
  };
}
