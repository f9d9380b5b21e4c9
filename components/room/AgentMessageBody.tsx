import { useTurn } from '../../stores/hooks/useTurn.js';
import { SafeMarkdown } from '../common/SafeMarkdown.js';
import { AgentTurn } from '../turn/AgentTurn.js';

/**
 * An agent row: its live turn, and the row's own text whenever the turn has no activity to show
 * (its log was deleted, or is still loading), so the answer is never hidden.
 */
export function AgentMessageBody({ turnId, text, agentLabel, model }: { turnId: string; text: string; agentLabel?: string; model: string | null }) {
  const view = useTurn(turnId);
  const empty = !view || view.order.length === 0;
  return (
    <>
      <AgentTurn turnId={turnId} agentLabel={agentLabel} model={model} />
      {empty && text !== '' && <SafeMarkdown text={text} />}
    </>
  );
}
