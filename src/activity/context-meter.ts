import type { ContextUsage } from './types.js';

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
};

/** The context meter from the latest usage (never cumulative totals); null when nothing is known. */
export function selectContextMeter(usage: ContextUsage | null | undefined): ContextMeter | null {
  if (!usage || !(usage.size > 0) || !Number.isFinite(usage.used) || !Number.isFinite(usage.size)) return null;
  const left = Math.min(100, Math.max(0, ((usage.size - usage.used) / usage.size) * 100));
  const percentLeft = Math.floor(left * 10) / 10;
  const level = left <= CONTEXT_CRITICAL_PERCENT_LEFT ? 'critical' : left <= CONTEXT_WARNING_PERCENT_LEFT ? 'warning' : 'ok';
  return { used: usage.used, size: usage.size, percentLeft, level, cost: usage.cost ?? null };
}
