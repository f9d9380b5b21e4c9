import { useTurn } from '../../stores/hooks/useTurn.js';
import { SafeMarkdown } from '../common/SafeMarkdown.js';
import { ActivityLogDeletedNote } from '../turn/ActivityLogDeletedNote.js';
import { AgentTurn } from '../turn/AgentTurn.js';

type AgentMessageBodyProps = {
  turnId: string;
  text: string;
  agentLabel?: string;
  model: string | null;
  /** The thread of the row: enables the turn menu. */
  threadKey?: string;
  /** The row's `acp_turn.logDeleted`: the log is gone, so only a note and the answer are shown. */
  logDeleted?: boolean;
};

/**
 * An agent row: its live turn, and the row's own text whenever the turn has no activity to show
 * (its log was deleted, or is still loading), so the answer is never hidden.
 */
export function AgentMessageBody({ turnId, text, agentLabel, model, threadKey, logDeleted = false }: AgentMessageBodyProps) {
  const view = useTurn(turnId);
  const empty = logDeleted || !view || view.order.length === 0;
  return (
    <>
      {logDeleted ? <ActivityLogDeletedNote /> : <AgentTurn turnId={turnId} agentLabel={agentLabel} model={model} threadKey={threadKey} />}
      {empty && text !== '' && <SafeMarkdown text={text} />}
    </>
  );
}
