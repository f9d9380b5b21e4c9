import { useStore } from 'zustand';
import { useCodexStores } from '../provider.js';

/** Whether the turn's activity fold is open: the user's choice, else open while the turn runs. */
export function useTurnFold(turnId: string, running: boolean) {
  const { view } = useCodexStores();
  const stored = useStore(view, (state) => state.foldOpen[turnId]);
  const open = stored ?? running;
  return { open, setOpen: (next: boolean) => view.getState().setFoldOpen(turnId, next) };
}
