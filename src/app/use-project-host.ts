import { useSyncExternalStore } from 'react';
import type { ProjectApi, ProjectHostStatus } from '../index.js';

/** The project's host as its scoped api knows it (undefined on a hub without hosts). */
export function useProjectHost(api: ProjectApi): ProjectHostStatus | undefined {
  return useSyncExternalStore(api.onHostChange, api.hostStatus);
}
