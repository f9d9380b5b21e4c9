import { useStore } from 'zustand';
import { useCodexStores } from '../provider.js';

/** Agents, settings, admin flag and connection state, for the modal, sign-in panel and indicators. */
export function useSessionInfo() {
  const { session } = useCodexStores();
  const agents = useStore(session, (state) => state.agents);
  const settings = useStore(session, (state) => state.settings);
  const isAdmin = useStore(session, (state) => state.isAdmin);
  const connection = useStore(session, (state) => state.connection);
  const error = useStore(session, (state) => state.error);
  return { agents, settings, isAdmin, connection, error };
}
