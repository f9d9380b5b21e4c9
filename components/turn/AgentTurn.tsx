import { useMemo } from 'react';
import { Button } from 'antd';
import { useNow } from '../../stores/hooks/useNow.js';
import { useTurn } from '../../stores/hooks/useTurn.js';
import { useTurnFilters } from '../../stores/hooks/useTurnFilters.js';
import { useTurnFold } from '../../stores/hooks/useTurnFold.js';
import { useWatchTurn } from '../../stores/hooks/useWatchTurn.js';
import { currentConfigValue } from '../../stores/session/index.js';
import { isTurnEnded } from '../../src/activity/index.js';
import { selectTurnLayout } from '../../stores/view/index.js';
import { ActivityCardSlot } from '../cards/ActivityCardSlot.js';
import { ActivityFilters } from './ActivityFilters.js';
import { TurnAnnouncements } from './TurnAnnouncements.js';
import { TurnFooter } from './TurnFooter.js';
import { TurnHeader } from './TurnHeader.js';

type AgentTurnProps = {
  turnId: string;
  agentLabel?: string;
  model?: string | null;
  /** Subscribe to live events (default true). */
  watch?: boolean;
  /** The turn's thread in the open chat: enables the turn menu (delete the activity log). */
  threadKey?: string;
};

/**
 * One agent turn: header, the activity in a fold (open while running; agent messages and pending
 * approvals always shown), the final answer outside the fold, and the footer.
 */
export function AgentTurn({ turnId, agentLabel, model, watch = true, threadKey }: AgentTurnProps) {
  useWatchTurn(turnId, watch);
  const view = useTurn(turnId);
  const ended = isTurnEnded(view);
  const live = !ended && view?.startedAt != null;
  const now = useNow(live);
  const { open, setOpen } = useTurnFold(turnId, !ended);
  const { filters } = useTurnFilters(turnId);
  const layout = useMemo(() => (view ? selectTurnLayout(view, open, filters) : null), [view, open, filters]);
  const modelName = model ?? currentConfigValue(view?.configOptions, 'model');
  return (
    <article className="cc-agent-turn" aria-label="Agent turn" data-state={view?.state ?? 'unknown'}>
      <TurnHeader turnId={turnId} view={view} now={now} agentLabel={agentLabel} model={modelName} threadKey={threadKey} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '4px 0' }}>
        <Button size="small" type="text" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide activity' : `Show activity${layout && layout.hiddenCount > 0 ? ` (${layout.hiddenCount} more)` : ''}`}
        </Button>
        {open ? <ActivityFilters turnId={turnId} /> : null}
      </div>
      <div role="log" aria-label="Turn activity" aria-relevant="additions text">
        <TurnAnnouncements view={view} />
        <div aria-live="off" className="cc-turn-activity">
          {layout?.foldIds.map((itemId) => <ActivityCardSlot key={itemId} turnId={turnId} itemId={itemId} live={live} />)}
        </div>
      </div>
      {view?.error ? <div role="alert" className="cc-turn-error">Error: {view.error.message}</div> : null}
      {layout?.finalAnswerId ? (
        <div className="cc-final-answer" aria-label="Final answer">
          <ActivityCardSlot turnId={turnId} itemId={layout.finalAnswerId} live={live} />
        </div>
      ) : null}
      {view && ended ? <TurnFooter view={view} model={modelName} turnId={turnId} /> : null}
    </article>
  );
}
