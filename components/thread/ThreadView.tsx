import { Empty, Flex } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { selectThread, selectThreadMessages } from '../../stores/chat/index.js';
import type { ChatMessage } from '../../stores/chat/index.js';
import { useAgentCapabilities } from '../../stores/hooks/useAgentCapabilities.js';
import { chatFolder, useChat, useOpenChatStore } from '../../stores/room/index.js';
import { MessageList } from '../room/MessageList.js';
import { MessageRow } from '../room/MessageRow.js';
import { ThreadQueue } from '../queue/ThreadQueue.js';
import { ThreadSearchBar } from '../search/ThreadSearchBar.js';
import { useThreadSearchOpen } from '../search/useThreadSearchOpen.js';
import { AgentSignIn } from '../room/AgentSignIn.js';
import { ThreadComposer } from '../room/ThreadComposer.js';
import { ThreadHeader } from '../room/ThreadHeader.js';
import { useAuthorName } from '../room/useAuthorName.js';
import { useProjectAccess } from '../projects/project-access.js';

/** The open chat's thread: header, the virtualized messages, the agent's queue, and the composer. */
export function ThreadView({ threadKey, path }: { threadKey: string; path: string }) {
  const chat = useOpenChatStore();
  const thread = useChat((state) => selectThread(state, threadKey));
  const messages = useChat((state) => selectThreadMessages(state, threadKey));
  const accountId = useChat((state) => state.accountId);
  const authorName = useAuthorName();
  const capabilities = useAgentCapabilities(thread?.agent);
  // Pasted images are refused up front for an agent that said it does not take them (unknown: offered).
  const acceptsImages = capabilities?.images !== false;

  // Reading the thread marks it read, also as new messages arrive while it is open. Not for a
  // project viewer: the hub refuses their chat.set, the refused write rolls back, the thread is
  // unread again and would be marked again, in a loop.
  const { canWrite } = useProjectAccess();
  const unread = thread?.unreadCount ?? 0;
  const hasRoot = thread?.hasRoot ?? false;
  useEffect(() => {
    if (canWrite && chat && hasRoot && unread > 0) chat.actions.markRead(threadKey);
  }, [canWrite, chat, threadKey, hasRoot, unread]);

  const search = useThreadSearchOpen(threadKey);
  const pane = useRef<HTMLDivElement>(null);
  const scrollToRef = useRef<((index: number) => void) | null>(null);
  const scrollTo = useCallback((index: number) => scrollToRef.current?.(index), []);
  const listRoot = useCallback(() => pane.current?.querySelector('.cc-message-list') ?? null, []);

  const onEdit = useCallback((key: string, text: string) => chat?.actions.editMessage(key, text), [chat]);
  const onFeedback = useCallback((key: string, value: string | null) => chat?.actions.setFeedback(key, value), [chat]);
  const isOwn = useCallback((message: ChatMessage) => message.sender_id === accountId, [accountId]);
  const renderMessage = useCallback(
    (message: ChatMessage) => <MessageRow message={message} accountId={accountId} authorName={authorName} onEdit={onEdit} onFeedback={onFeedback} />,
    [accountId, authorName, onEdit, onFeedback],
  );

  if (!thread) return <Empty style={{ margin: 'auto' }} description="This thread does not exist (any more)." />;
  return (
    <Flex ref={pane} vertical style={{ height: '100%', minHeight: 0 }} className="cc-thread-view" onKeyDown={search.onKeyDown}>
      <ThreadHeader thread={thread} chatFolder={chatFolder(path)} authorName={authorName} />
      {thread.isAgent && <AgentSignIn agentId={thread.agent} />}
      {search.session && (
        <ThreadSearchBar key={search.session.key} messages={messages} scrollTo={scrollTo} listRoot={listRoot} onClose={search.close} initialQuery={search.session.query} initialMessageKey={search.session.messageKey} />
      )}
      <MessageList messages={messages} renderMessage={renderMessage} isOwn={isOwn} scrollToRef={scrollToRef} />
      {thread.isAgent && (
        <div style={{ padding: '0 16px' }}>
          <ThreadQueue path={path} threadKey={threadKey} />
        </div>
      )}
      <div style={{ padding: '8px 16px' }}>
        <ThreadComposer threadKey={threadKey} acceptsImages={acceptsImages} />
      </div>
    </Flex>
  );
}

