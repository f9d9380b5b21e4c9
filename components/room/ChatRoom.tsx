import { Alert, Flex } from 'antd';
import { useEffect } from 'react';
import { useCodexStores } from '../../stores/provider.js';
import { useRoom, useRoomStore } from '../../stores/room/index.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { NewThreadPane } from './NewThreadPane.js';
import { Sidebar } from './Sidebar.js';
import { ThreadView } from './ThreadView.js';
import { useThreadJumpShortcut } from './useThreadJumpShortcut.js';
import { WelcomePane } from './WelcomePane.js';

/** The chat page: sidebar on the left, the selected thread (or a new one) on the right. */
export function ChatRoom() {
  const room = useRoomStore();
  const { session } = useCodexStores();
  const chatPath = useRoom((state) => (state.chat ? state.chat.path : null));
  const threadKey = useRoom((state) => state.selectedThreadKey);
  const pendingAgentConfig = useRoom((state) => state.pendingAgentConfig);
  const error = useRoom((state) => state.error);
  useThreadJumpShortcut();

  useEffect(() => {
    if (chatPath) void session.getState().loadQueues(chatPath);
  }, [chatPath, session]);

  return (
    <Flex style={{ height: '100vh', overflow: 'hidden' }} className="cc-chat-room">
      <div style={{ width: 300, flexShrink: 0, borderRight: '1px solid rgba(0,0,0,0.08)' }}>
        <Sidebar />
      </div>
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="space-between" align="center" style={{ padding: '4px 16px' }}>
          <span>{chatPath}</span>
          <ConnectionIndicator />
        </Flex>
        {error && <Alert type="error" showIcon closable title={error} onClose={() => room.getState().dismissError()} />}
        <main style={{ flex: 1, minHeight: 0 }}>
          {!chatPath ? (
            <WelcomePane />
          ) : threadKey ? (
            <ThreadView key={threadKey} threadKey={threadKey} path={chatPath} />
          ) : (
            <NewThreadPane agentConfig={pendingAgentConfig} />
          )}
        </main>
      </Flex>
    </Flex>
  );
}
