import { useSyncExternalStore } from 'react';

/** The page to show: the admin page at `#/admin`, else the chat. (`?admin=` is the hub's admin token.) */
export type AppRoute = 'chat' | 'admin';

function currentRoute(): AppRoute {
  return location.hash.startsWith('#/admin') ? 'admin' : 'chat';
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, following hash changes. */
export function useHashRoute(): AppRoute {
  return useSyncExternalStore(subscribe, currentRoute);
}
