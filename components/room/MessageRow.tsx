import { Button, Flex, Tag, Typography } from 'antd';
import { memo, useState } from 'react';
import type { ChatMessage } from '../../stores/chat/index.js';
import { canEditMessage, isAgentMessage, isEdited } from '../../stores/room/index.js';
import { AuthorAvatar } from '../common/AuthorAvatar.js';
import { SafeMarkdown } from '../common/SafeMarkdown.js';
import { AgentMessageBody } from './AgentMessageBody.js';
import { FeedbackButtons } from './FeedbackButtons.js';
import { MessageEditor } from './MessageEditor.js';

export type MessageRowProps = {
  message: ChatMessage;
  accountId: string;
  authorName: (senderId: string) => string;
  onEdit: (messageKey: string, text: string) => void;
  onFeedback: (messageKey: string, value: string | null) => void;
};

/** One message: author, time, body (an agent row shows its turn), edit (own only) and feedback. */
export const MessageRow = memo(function MessageRow({ message, accountId, authorName, onEdit, onFeedback }: MessageRowProps) {
  const [editing, setEditing] = useState(false);
  const text = message.history[0]?.content ?? '';
  const agent = isAgentMessage(message);
  const turnId = message.acp_turn?.id;
  const author = authorName(message.sender_id);
  return (
    <article className="cc-message" aria-label={`Message from ${author}`} data-key={message.key} style={{ padding: '8px 16px', ...(message.sender_id === accountId ? OWN_MESSAGE_STYLE : null) }}>
      <Flex gap={8} align="center" wrap>
        <AuthorAvatar id={message.sender_id} name={author} />
        <Typography.Text strong>{author}</Typography.Text>
        {agent && <Tag>agent</Tag>}
        <time dateTime={message.date} title={message.date}>
          <Typography.Text type="secondary">{formatMessageTime(message.date)}</Typography.Text>
        </time>
        {isEdited(message) && <Typography.Text type="secondary">(edited)</Typography.Text>}
        {message.generating && <Tag color="processing">writing…</Tag>}
      </Flex>
      {editing ? (
        <MessageEditor
          initial={text}
          onCancel={() => setEditing(false)}
          onSave={(next) => {
            onEdit(message.key, next);
            setEditing(false);
          }}
        />
      ) : agent && turnId ? (
        // The row's header already names the agent: the turn header adds only the model, so neither shows twice.
        <AgentMessageBody
          turnId={turnId}
          text={text}
          model={typeof message.acp_config?.model === 'string' ? message.acp_config.model : null}
          threadKey={message.threadKey}
          logDeleted={message.acp_turn?.logDeleted === true}
        />
      ) : (
        <SafeMarkdown text={text} />
      )}
      {!editing && (
        <Flex gap={2} className="cc-message-actions">
          {canEditMessage(message, accountId) && (
            <Button size="small" type="text" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {/* Feedback is for what others (agents, people) wrote; your own message shows only reactions it got. */}
          {(message.sender_id !== accountId || Object.keys(message.feedback ?? {}).length > 0) && (
            <FeedbackButtons feedback={message.feedback} accountId={accountId} onFeedback={(value) => onFeedback(message.key, value)} />
          )}
        </Flex>
      )}
    </article>
  );
});

// Your own messages sit on a light band, so the turns of a long agent thread are easy to tell apart.
const OWN_MESSAGE_STYLE = { background: 'rgba(0, 0, 0, 0.03)', borderTop: '1px solid rgba(0, 0, 0, 0.05)', marginTop: 8 };

/** Today's messages show the time only; older ones their date too (full date and time in the title). */
function formatMessageTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const today = date.toDateString() === new Date().toDateString();
  return today ? date.toLocaleTimeString(undefined, { timeStyle: 'short' }) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
