import { Button } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Virtuoso } from 'react-virtuoso';
import type { VirtuosoHandle } from 'react-virtuoso';
import type { ChatMessage } from '../../stores/chat/index.js';

export type MessageListProps = {
  messages: readonly ChatMessage[];
  renderMessage: (message: ChatMessage) => React.ReactNode;
  /** Your own messages: sending one brings the view to the newest message, even when scrolled up. */
  isOwn?: (message: ChatMessage) => boolean;
};

/**
 * The thread's messages, virtualized: only what is on screen is rendered. Opens at the newest
 * message and follows new output while the reader is at the bottom; once they scroll up it stays
 * put and offers "Jump to newest" (until you send a message yourself).
 */
export function MessageList({ messages, renderMessage, isOwn }: MessageListProps) {
  const list = useRef<VirtuosoHandle>(null);
  const [atBottom, setAtBottom] = useState(true);
  // Read by the height callback, which Virtuoso may call before React re-renders with new state.
  const atBottomNow = useRef(true);
  const onAtBottomChange = useCallback((bottom: boolean) => {
    atBottomNow.current = bottom;
    setAtBottom(bottom);
  }, []);
  const jump = useCallback(() => list.current?.scrollToIndex({ index: 'LAST', align: 'end', behavior: 'auto' }), []);
  const last = messages.at(-1);
  const lastSeen = useRef(last?.key);
  useEffect(() => {
    if (last?.key === lastSeen.current) return;
    lastSeen.current = last?.key;
    if (last && isOwn?.(last)) {
      atBottomNow.current = true;
      jump();
    }
  }, [last, isOwn, jump]);
  return (
    <div className="cc-message-list" style={{ position: 'relative', flex: 1, minHeight: 0 }}>
      <Virtuoso
        ref={list}
        style={{ height: '100%' }}
        data={messages}
        computeItemKey={(_, message) => message.key}
        initialTopMostItemIndex={{ index: 'LAST', align: 'end' }}
        followOutput={(bottom) => (bottom ? 'auto' : false)}
        atBottomStateChange={onAtBottomChange}
        atBottomThreshold={48}
        // An agent row grows while its turn streams: keep the newest line in view if we were there.
        totalListHeightChanged={() => {
          if (atBottomNow.current) jump();
        }}
        itemContent={(_, message) => renderMessage(message)}
      />
      {!atBottom && (
        <Button type="primary" shape="round" onClick={jump} style={{ position: 'absolute', right: 16, bottom: 12 }}>
          Jump to newest
        </Button>
      )}
    </div>
  );
}
