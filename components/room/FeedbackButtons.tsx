import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import './message-actions.css';

const REACTIONS = [
  { value: 'positive', Icon: LikeOutlined, label: 'Helpful' },
  { value: 'negative', Icon: DislikeOutlined, label: 'Not helpful' },
] as const;

/** Reactions to a message: the account's own toggles (shown pressed); counts of everyone's. Plain buttons: see message-actions.css. */
export function FeedbackButtons({ feedback, accountId, onFeedback }: { feedback: Record<string, string> | undefined; accountId: string; onFeedback: (value: string | null) => void }) {
  const mine = feedback?.[accountId];
  return (
    <>
      {REACTIONS.map((reaction) => {
        const count = Object.values(feedback ?? {}).filter((value) => value === reaction.value).length;
        return (
          <button
            key={reaction.value}
            type="button"
            className="cc-message-action"
            aria-pressed={mine === reaction.value}
            aria-label={reaction.label}
            onClick={() => onFeedback(mine === reaction.value ? null : reaction.value)}
          >
            <reaction.Icon aria-hidden />
            {count > 0 ? count : null}
          </button>
        );
      })}
    </>
  );
}
