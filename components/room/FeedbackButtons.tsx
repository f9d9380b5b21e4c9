import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { Button } from 'antd';

const REACTIONS = [
  { value: 'positive', Icon: LikeOutlined, label: 'Helpful' },
  { value: 'negative', Icon: DislikeOutlined, label: 'Not helpful' },
] as const;

/** Reactions to a message: the account's own toggles; counts of everyone's. */
export function FeedbackButtons({ feedback, accountId, onFeedback }: { feedback: Record<string, string> | undefined; accountId: string; onFeedback: (value: string | null) => void }) {
  const mine = feedback?.[accountId];
  return (
    <>
      {REACTIONS.map((reaction) => {
        const count = Object.values(feedback ?? {}).filter((value) => value === reaction.value).length;
        return (
          <Button
            key={reaction.value}
            size="small"
            type={mine === reaction.value ? 'primary' : 'text'}
            aria-pressed={mine === reaction.value}
            aria-label={reaction.label}
            onClick={() => onFeedback(mine === reaction.value ? null : reaction.value)}
          >
            <reaction.Icon aria-hidden />
            {count > 0 ? count : null}
          </Button>
        );
      })}
    </>
  );
}
