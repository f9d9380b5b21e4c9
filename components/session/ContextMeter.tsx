import { Tooltip } from 'antd';
import { CONTEXT_CRITICAL_PERCENT_LEFT, CONTEXT_WARNING_PERCENT_LEFT, selectContextMeter } from '../../src/activity/index.js';
import type { ContextUsage } from '../../src/activity/index.js';
import { formatTokens } from '../common/format.js';

const COLOUR = { ok: '#389e0d', warning: '#d48806', critical: '#cf1322' } as const;

/** Tokens used / window, % left and cost from the latest usage; warning ≤30 % left, critical ≤15 %; hidden when unknown. */
export function ContextMeter({ usage, compact = false }: { usage: ContextUsage | null | undefined; compact?: boolean }) {
  const meter = selectContextMeter(usage);
  if (!meter) return null;
  const cost = meter.cost ? ` · ${meter.cost.amount.toFixed(2)} ${meter.cost.currency}` : '';
  const explanation =
    `Context window: ${meter.used.toLocaleString('en')} of ${meter.size.toLocaleString('en')} tokens in use, ${meter.percentLeft}% left. ` +
    `It holds this thread's conversation, files and command output; when it fills up the agent has to drop or summarise older parts. ` +
    `Warning at ${CONTEXT_WARNING_PERCENT_LEFT}% left or less, critical at ${CONTEXT_CRITICAL_PERCENT_LEFT}% or less.${cost ? ` Cost so far:${cost.slice(2)}.` : ''}`;
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
        {compact ? `${Math.round(meter.percentLeft)}% left` : `${formatTokens(meter.used)} / ${formatTokens(meter.size)} · ${Math.round(meter.percentLeft)}% left${cost}`}
      </span>
    </Tooltip>
  );
}
