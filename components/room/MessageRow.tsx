import { Tag } from 'antd';
import { memo, useState } from 'react';
import type { ChatMessage } from '../../stores/chat/index.js';
import { canEditMessage, isAgentMessage, isEdited } from '../../stores/room/index.js';
import { AuthorAvatar } from '../common/AuthorAvatar.js';
import { SafeMarkdown } from '../common/SafeMarkdown.js';
import { AgentMessageBody } from './AgentMessageBody.js';
import { FeedbackButtons } from './FeedbackButtons.js';
import './message-actions.css';
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
      {/* Plain elements in the per-row header: antd's Flex and Typography add a component and a
          style lookup per element for what a few CSS declarations do (cost measured on opening a thread). */}
      <div className="cc-message-header" style={HEADER_STYLE}>
        <AuthorAvatar id={message.sender_id} name={author} />
        <strong style={AUTHOR_STYLE}>{author}</strong>
        {agent && <Tag>agent</Tag>}
        <time dateTime={message.date} title={message.date} style={MUTED_STYLE}>
          {formatMessageTime(message.date)}
        </time>
        {isEdited(message) && <span style={MUTED_STYLE}>(edited)</span>}
        {message.generating && <Tag color="processing">writing…</Tag>}
      </div>
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
        <div className="cc-message-actions" style={ACTIONS_STYLE}>
          {canEditMessage(message, accountId) && (
            <button type="button" className="cc-message-action" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {/* Feedback is for what others (agents, people) wrote; your own message shows only reactions it got. */}
          {(message.sender_id !== accountId || Object.keys(message.feedback ?? {}).length > 0) && (
            <FeedbackButtons feedback={message.feedback} accountId={accountId} onFeedback={(value) => onFeedback(message.key, value)} />
          )}
        </div>
      )}
    </article>
  );
});

// Your own messages sit on a light band, so the turns of a long agent thread are easy to tell apart.
const OWN_MESSAGE_STYLE = { background: 'var(--cc-own-message-background, rgba(0, 0, 0, 0.03))', borderTop: '1px solid rgba(0, 0, 0, 0.05)', marginTop: 8 };

const HEADER_STYLE = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 } as const;
const AUTHOR_STYLE = { fontWeight: 600 };
const MUTED_STYLE = { color: 'var(--cc-muted-text, rgba(0, 0, 0, 0.6))' };
const ACTIONS_STYLE = { display: 'flex', gap: 2 } as const;

// One formatter each, made on first use: toLocaleString() builds a new one on every call (~0.5 ms a row).
let timeFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** Today's messages show the time only; older ones their date too (full date and time in the title). */
function formatMessageTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (date.toDateString() === new Date().toDateString()) return (timeFormat ??= new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })).format(date);
  return (dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}
