import { useStore } from 'zustand';
import { selectContextMeter } from '../../src/activity/index.js';
import type { ContextMeter } from '../../src/activity/index.js';
import { useCodexStores } from '../provider.js';

/** The context meter of a turn (its latest usage_update), or null while unknown. */
export function useContextMeter(turnId: string): ContextMeter | null {
  const { turns } = useCodexStores();
  const usage = useStore(turns, (state) => state.turns[turnId]?.usage);
  return selectContextMeter(usage);
}
