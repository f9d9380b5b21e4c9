import { Button } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { Virtuoso } from 'react-virtuoso';
import type { VirtuosoHandle } from 'react-virtuoso';
import type { ChatMessage } from '../../stores/chat/index.js';
import { AT_BOTTOM_PX, useFollowOutput } from './useFollowOutput.js';
import { useOpenAtNewest } from './useOpenAtNewest.js';

/** A short message's row: header, a line of text, the action buttons (measured: 114-123 px). */
const ESTIMATED_ROW_PX = 115;

const PLACEHOLDER_STYLE = { height: ESTIMATED_ROW_PX };

export type MessageListProps = {
  messages: readonly ChatMessage[];
  renderMessage: (message: ChatMessage) => React.ReactNode;
  /** Your own messages: sending one brings the view to the newest message, even when scrolled up. */
  isOwn?: (message: ChatMessage) => boolean;
  /** Set to a function that brings message `index` into view (search: even when not rendered yet). */
  scrollToRef?: React.MutableRefObject<((index: number) => void) | null>;
};

/**
 * The thread's messages, virtualized: only what is on screen is rendered. Opens at the newest
 * message and follows new output while the reader is at the bottom; once they scroll up it stays
 * put and offers "Jump to newest" (until they return to the end or send a message themselves).
 */
export function MessageList({ messages, renderMessage, isOwn, scrollToRef }: MessageListProps) {
  const list = useRef<VirtuosoHandle>(null);
  const { following, showJump, scrollerRef, follow } = useFollowOutput();
  const opening = useOpenAtNewest(messages.length, ESTIMATED_ROW_PX);
  const jump = useCallback(() => list.current?.scrollToIndex({ index: 'LAST', align: 'end', behavior: 'auto' }), []);
  const jumpAndFollow = useCallback(() => {
    follow();
    jump();
  }, [follow, jump]);
  useEffect(() => {
    if (!scrollToRef) return;
    scrollToRef.current = (index) => {
      // Stop following first: the cards a search opens grow the list, which would jump to the end.
      following.current = false;
      list.current?.scrollToIndex({ index, align: 'center', behavior: 'auto' });
    };
    return () => void (scrollToRef.current = null);
  }, [scrollToRef, following]);
  const last = messages.at(-1);
  const lastSeen = useRef(last?.key);
  useEffect(() => {
    if (last?.key === lastSeen.current) return;
    lastSeen.current = last?.key;
    if (last && isOwn?.(last)) jumpAndFollow();
  }, [last, isOwn, jumpAndFollow]);
  return (
    <div className="cc-message-list" style={{ position: 'relative', flex: 1, minHeight: 0 }}>
      <Virtuoso
        ref={list}
        scrollerRef={scrollerRef}
        style={{ height: '100%' }}
        data={messages}
        computeItemKey={(_, message) => message.key}
        // Opens at the newest message (see useOpenAtNewest). The estimate of a row's height also
        // spares Virtuoso a pass that renders and measures a probe row first.
        initialScrollTop={opening.initialScrollTop}
        rangeChanged={opening.rangeChanged}
        defaultItemHeight={ESTIMATED_ROW_PX}
        followOutput={() => (following.current ? 'auto' : false)}
        atBottomThreshold={AT_BOTTOM_PX}
        // An agent row grows while its turn streams: keep the newest line in view if we follow.
        totalListHeightChanged={() => {
          if (following.current) jump();
        }}
        itemContent={(index, message) => (opening.isPlaceholder(index) ? <div style={PLACEHOLDER_STYLE} /> : renderMessage(message))}
      />
      {showJump && (
        <Button type="primary" shape="round" onClick={jumpAndFollow} style={{ position: 'absolute', right: 16, bottom: 12 }}>
          Jump to newest
        </Button>
      )}
    </div>
  );
}
