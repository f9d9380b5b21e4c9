import { selectAppliedDiffTotals } from '../../stores/turns/index.js';
import type { TurnView } from '../../src/activity/index.js';
import { formatElapsed, formatTokens } from '../common/format.js';
import { ReviewChangesButton } from '../review/ReviewChangesButton.js';

/** Per-turn footer: elapsed, tokens in/out, the context after the turn (as the meter counts it), model, files touched with +/- totals, and "Review changes". */
export function TurnFooter({ view, model, turnId }: { view: TurnView; model?: string | null; /** Enables "Review changes" (keep / discard the turn's edits per hunk). */ turnId?: string }) {
  const totals = selectAppliedDiffTotals(view);
  const elapsed = view.startedAt !== null && view.endedAt !== null ? formatElapsed(view.endedAt - view.startedAt) : null;
  const count = totals.files.length;
  return (
    <footer className="cc-turn-footer cc-muted" aria-label="Turn summary" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', fontSize: 12 }}>
      {elapsed ? <span>{elapsed}</span> : null}
      {view.tokens ? <span>{`${formatTokens(view.tokens.input)} in · ${formatTokens(view.tokens.output)} out`}</span> : null}
      {view.usage && view.usage.size > 0 ? (
        <span title={`Context window after this turn: ${view.usage.used.toLocaleString('en')} of ${view.usage.size.toLocaleString('en')} tokens`}>
          {`context ${formatTokens(view.usage.used)} / ${formatTokens(view.usage.size)}${view.usage.cost ? ` · ${view.usage.cost.amount.toFixed(2)} ${view.usage.cost.currency}` : ''}`}
        </span>
      ) : null}
      {model ? <span>{model}</span> : null}
      {count > 0 ? (
        <details>
          <summary>{`${count} file${count === 1 ? '' : 's'} changed +${totals.additions} −${totals.deletions}`}</summary>
          <ul style={{ margin: 0 }}>
            {totals.files.map((file) => (
              <li key={file.path}>
                <code>{file.path}</code> {`+${file.additions} −${file.deletions}`}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {turnId && count > 0 ? <ReviewChangesButton turnId={turnId} view={view} /> : null}
    </footer>
  );
}
