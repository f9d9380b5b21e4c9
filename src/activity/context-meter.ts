import type { ContextUsage, TurnView } from './types.js';

/** At or below this share of the window left, the meter warns. */
export const CONTEXT_WARNING_PERCENT_LEFT = 30;
/** At or below this share of the window left, the meter is critical. */
export const CONTEXT_CRITICAL_PERCENT_LEFT = 15;

/** What the context meter shows. */
export type ContextMeter = {
  used: number;
  size: number;
  /** 0..100, rounded down to one decimal. */
  percentLeft: number;
  level: 'ok' | 'warning' | 'critical';
  cost: ContextUsage['cost'] | null;
  /** Tokens the latest turn added to the context (negative when the agent compacted it). */
  delta: number;
  /** Compactions the agent reported in the latest turn (0 when it reported none). */
  compactions: number;
};

/**
 * The context meter from the latest usage (never cumulative totals); null when nothing is known.
 * `previousUsed` is the context in use after the turn before (0 for the first turn), so `delta` is
 * what the latest turn added.
 */
export function selectContextMeter(usage: ContextUsage | null | undefined, latestTurn: { previousUsed?: number | null; compactions?: number } = {}): ContextMeter | null {
  if (!usage || !(usage.size > 0) || !Number.isFinite(usage.used) || !Number.isFinite(usage.size)) return null;
  const left = Math.min(100, Math.max(0, ((usage.size - usage.used) / usage.size) * 100));
  const percentLeft = Math.floor(left * 10) / 10;
  const level = left <= CONTEXT_CRITICAL_PERCENT_LEFT ? 'critical' : left <= CONTEXT_WARNING_PERCENT_LEFT ? 'warning' : 'ok';
  const previous = latestTurn.previousUsed;
  const delta = usage.used - (previous != null && Number.isFinite(previous) ? previous : 0);
  return { used: usage.used, size: usage.size, percentLeft, level, cost: usage.cost ?? null, delta, compactions: latestTurn.compactions ?? 0 };
}

// claude-agent-acp reports a compaction as a synthetic tool call with this title to clients that
// did not ask for ACP's `compaction_update` (which we would keep as an unknown item).
const CLAUDE_COMPACTION_TITLE = 'Compact conversation';

/** How many context compactions a turn's agent reported as finished. */
export function countCompactions(view: TurnView | null | undefined): number {
  if (!view) return 0;
  const finished = new Set<string>();
  for (const id of view.order) {
    const item = view.items[id];
    if (!item) continue;
    if ((item.kind === 'think' || item.kind === 'tool') && item.title === CLAUDE_COMPACTION_TITLE && item.status === 'completed') finished.add(item.toolCallId);
    if (item.kind === 'unknown' && item.label === 'compaction_update') {
      const raw = item.raw as { compactionId?: unknown; status?: unknown } | null;
      if (raw?.status === 'completed') finished.add(String(raw.compactionId ?? id));
    }
  }
  return finished.size;
}
