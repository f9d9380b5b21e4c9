import { useSyncExternalStore } from 'react';
import { parseMultiuserRoute, type MultiuserRoute } from './multiuser-route.js';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => location.hash;

/** The multiuser page's current route, following hash changes. */
export function useMultiuserRoute(): MultiuserRoute {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseMultiuserRoute(hash);
}
