import { Button } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { Virtuoso } from 'react-virtuoso';
import type { VirtuosoHandle } from 'react-virtuoso';
import type { ChatMessage } from '../../stores/chat/index.js';
import { MessageTail } from './MessageTail.js';
import { AT_BOTTOM_PX, useFollowOutput } from './useFollowOutput.js';
import { useTailFirst } from './useTailFirst.js';

/** A short message's row: header, a line of text, the action buttons (measured: 114-123 px). */
const ESTIMATED_ROW_PX = 115;

const PLACEHOLDER_STYLE = { height: ESTIMATED_ROW_PX };
/** Rows of the first screen (see useTailFirst): more than a tall window holds at the estimate. */
const TAIL_ROWS = 12;

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
 * message (first as a plain tail of the newest rows, then virtualized: see useTailFirst) and follows
 * new output while the reader is at the bottom; once they scroll up it stays put and offers "Jump to
 * newest" (until they return to the end or send a message themselves).
 */
export function MessageList({ messages, renderMessage, isOwn, scrollToRef }: MessageListProps) {
  const list = useRef<VirtuosoHandle>(null);
  const { following, showJump, scrollerRef, follow } = useFollowOutput();
  const { phase, tailHandlers, rangeChanged } = useTailFirst(messages.length);
  const jump = useCallback(() => list.current?.scrollToIndex({ index: 'LAST', align: 'end', behavior: 'auto' }), []);
  // A search's scroll asked for before the virtualized list is shown waits for it.
  const pendingScroll = useRef<number | null>(null);
  const jumpAndFollow = useCallback(() => {
    follow();
    jump();
  }, [follow, jump]);
  useEffect(() => {
    if (!scrollToRef) return;
    scrollToRef.current = (index) => {
      // Stop following first: the cards a search opens grow the list, which would jump to the end.
      following.current = false;
      if (phase === 'virtual') list.current?.scrollToIndex({ index, align: 'center', behavior: 'auto' });
      else pendingScroll.current = index;
    };
    return () => void (scrollToRef.current = null);
  }, [scrollToRef, following, phase]);
  useEffect(() => {
    if (phase !== 'virtual' || pendingScroll.current === null) return;
    list.current?.scrollToIndex({ index: pendingScroll.current, align: 'center', behavior: 'auto' });
    pendingScroll.current = null;
  }, [phase]);
  const last = messages.at(-1);
  const lastSeen = useRef(last?.key);
  useEffect(() => {
    if (last?.key === lastSeen.current) return;
    lastSeen.current = last?.key;
    if (last && isOwn?.(last)) jumpAndFollow();
  }, [last, isOwn, jumpAndFollow]);
  return (
    <div className="cc-message-list" style={{ position: 'relative', flex: 1, minHeight: 0 }}>
      {phase !== 'virtual' && <MessageTail messages={messages.slice(-TAIL_ROWS)} renderMessage={renderMessage} handlers={tailHandlers} />}
      {phase !== 'tail' && (
        <Virtuoso
          ref={list}
          scrollerRef={scrollerRef}
          style={{ height: '100%', visibility: phase === 'virtual' ? undefined : 'hidden' }}
          data={messages}
          computeItemKey={(_, message) => message.key}
          // Opens at the newest message without `initialTopMostItemIndex`, which hides the list and
          // waits four animation frames (~67 ms): it starts scrolled to its estimated end (read on
          // mount only; Virtuoso scrolls a frame after its first pass, at the top), and the tail
          // stays until a range with the last row has rendered. The estimate of a row's height also
          // spares Virtuoso a pass that renders and measures a probe row first.
          initialScrollTop={messages.length * ESTIMATED_ROW_PX}
          rangeChanged={rangeChanged}
          defaultItemHeight={ESTIMATED_ROW_PX}
          followOutput={() => (following.current ? 'auto' : false)}
          atBottomThreshold={AT_BOTTOM_PX}
          // An agent row grows while its turn streams: keep the newest line in view if we follow.
          totalListHeightChanged={() => {
            if (following.current) jump();
          }}
          // Hidden under the tail, the rows are placeholders: cheap, and no message is in the page twice.
          itemContent={(_, message) => (phase === 'virtual' ? renderMessage(message) : <div style={PLACEHOLDER_STYLE} />)}
        />
      )}
      {showJump && phase === 'virtual' && (
        <Button type="primary" shape="round" onClick={jumpAndFollow} style={{ position: 'absolute', right: 16, bottom: 12 }}>
          Jump to newest
        </Button>
      )}
    </div>
  );
}
