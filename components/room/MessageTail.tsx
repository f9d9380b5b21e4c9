import type { ChatMessage } from '../../stores/chat/index.js';

/**
 * The newest messages of a thread in a plain scroller that starts at its bottom (column-reverse:
 * no scroll needed, it stays at the end as rows are added). It is the first screen of a message
 * list, shown until the virtualized list under it is ready (see useTailFirst).
 */
export function MessageTail({ messages, renderMessage, handlers }: { messages: readonly ChatMessage[]; renderMessage: (message: ChatMessage) => React.ReactNode; handlers: React.HTMLAttributes<HTMLDivElement> }) {
  return (
    <div className="cc-message-tail" style={{ position: 'absolute', inset: 0, overflowY: 'auto', display: 'flex', flexDirection: 'column-reverse' }} {...handlers}>
      <div>
        {messages.map((message) => (
          <div key={message.key}>{renderMessage(message)}</div>
        ))}
      </div>
    </div>
  );
}
