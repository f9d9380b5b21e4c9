import { useCallback } from 'react';
import { useStore } from 'zustand';
import { selectInterruptPhase } from '../turns/index.js';
import { useCodexStores } from '../provider.js';

/** The Interrupt control's phase and action for one turn, and who interrupted it (when the hub recorded it). */
export function useInterrupt(turnId: string) {
  const { turns } = useCodexStores();
  const view = useStore(turns, (state) => state.turns[turnId]);
  const request = useStore(turns, (state) => state.interrupts[turnId]);
  const interrupt = useCallback(() => turns.getState().interrupt(turnId), [turns, turnId]);
  return { phase: selectInterruptPhase(view, request), error: request?.state === 'failed' ? request.error : null, interrupt, interruptedBy: view?.interruptedBy ?? null };
}
