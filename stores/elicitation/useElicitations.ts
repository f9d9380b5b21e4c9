import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useCodexRuntime } from '../provider.js';
import { createElicitationStore, type PendingElicitation } from './create-elicitation-store.js';

/** The sign-in this account is asked for now (the oldest pending one), with its two answers. */
export function useElicitations(): { current: PendingElicitation | undefined; opened(elicitationId: string): void; cancel(elicitationId: string): void } {
  const { api } = useCodexRuntime();
  const store = useMemo(() => createElicitationStore(api), [api]);
  useEffect(() => store.getState().listen(), [store]);
  const current = useStore(store, (state) => state.pending[0]);
  const { opened, cancel } = store.getState();
  return { current, opened, cancel };
}
