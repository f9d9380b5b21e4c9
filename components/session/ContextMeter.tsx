import { Tooltip } from 'antd';
import { CONTEXT_CRITICAL_PERCENT_LEFT, CONTEXT_WARNING_PERCENT_LEFT, selectContextMeter } from '../../src/activity/index.js';
import type { ContextMeter as Meter, ContextUsage } from '../../src/activity/index.js';
import { formatTokens } from '../common/format.js';

// The theme's colours (components/theme/theme-tokens.ts, AA-checked), the light theme's as fallbacks.
const COLOUR = { ok: 'var(--cc-meter-ok, #237804)', warning: 'var(--cc-meter-warning, #ad4e00)', critical: 'var(--cc-meter-critical, #cf1322)' } as const;

export type ContextMeterProps = {
  usage: ContextUsage | null | undefined;
  /** Context in use after the turn before the latest (absent: the latest turn is the first). */
  previousUsed?: number | null;
  /** Compactions the agent reported in the latest turn. */
  compactions?: number;
  compact?: boolean;
};

const exact = (count: number) => Math.round(count).toLocaleString('en');
/** "+12.4k", "−80k": the same rounding as the turn footers' token counts. */
const signedTokens = (count: number) => `${count < 0 ? '−' : '+'}${formatTokens(Math.abs(count))}`;
const costText = (cost: NonNullable<Meter['cost']>) => `${cost.amount.toFixed(2)} ${cost.currency}`;

function explain(meter: Meter): string {
  const parts = [
    `Context window: ${exact(meter.used)} of ${exact(meter.size)} tokens in use, ${meter.percentLeft}% left.`,
    meter.delta >= 0 ? `The latest turn added ${exact(meter.delta)} tokens.` : `The latest turn freed ${exact(-meter.delta)} tokens.`,
    meter.compactions > 0 ? `The agent compacted the context ${meter.compactions === 1 ? 'once' : `${meter.compactions} times`} in that turn (older parts summarised to make room).` : null,
    meter.cost ? `Cost so far: ${costText(meter.cost)}.` : null,
    `It holds this thread's conversation, files and command output; when it fills up the agent has to drop or summarise older parts.`,
    `Warning at ${CONTEXT_WARNING_PERCENT_LEFT}% left or less, critical at ${CONTEXT_CRITICAL_PERCENT_LEFT}% or less.`,
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * Tokens used / window (exact), % left, what the latest turn added, cost and compactions when the
 * agent reports them; warning ≤30 % left, critical ≤15 %; hidden when unknown. `compact` keeps
 * % left and the turn's delta, for tight headers; the tooltip always tells everything.
 */
export function ContextMeter({ usage, previousUsed, compactions, compact = false }: ContextMeterProps) {
  const meter = selectContextMeter(usage, { previousUsed, compactions });
  if (!meter) return null;
  const explanation = explain(meter);
  const delta = meter.delta !== 0 ? signedTokens(meter.delta) : null;
  const compacted = meter.compactions > 0 ? `compacted ${meter.compactions}×` : null;
  const text = compact
    ? [`${Math.round(meter.percentLeft)}% left`, delta, compacted]
    : [`${exact(meter.used)} / ${exact(meter.size)}`, `${meter.percentLeft}% left`, delta ? `${delta} this turn` : null, meter.cost ? costText(meter.cost) : null, compacted];
  return (
    <Tooltip title={explanation}>
      <span
        role="meter"
        tabIndex={0}
        aria-label="Context left"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={meter.percentLeft}
        aria-valuetext={`${meter.percentLeft}% of the context window left`}
        aria-description={explanation}
        data-level={meter.level}
        className={`cc-context-meter cc-context-${meter.level}`}
        style={{ color: COLOUR[meter.level], fontWeight: meter.level === 'ok' ? undefined : 600, whiteSpace: 'nowrap' }}
      >
        {text.filter(Boolean).join(' · ')}
      </span>
    </Tooltip>
  );
}
