import { Alert, Flex } from 'antd';
import { useRoom, useRoomStore } from '../../stores/room/index.js';
import { ChatAlerts } from '../inbox/ChatAlerts.js';
import { CodexThread } from '../thread/CodexThread.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { NewThreadPane } from './NewThreadPane.js';
import { Sidebar } from './Sidebar.js';
import { useThreadJumpShortcut } from './useThreadJumpShortcut.js';
import { WelcomePane } from './WelcomePane.js';

/** The chat page: sidebar on the left, the selected thread (a CodexThread, or a new one) on the right. */
export function ChatRoom() {
  const room = useRoomStore();
  const chatPath = useRoom((state) => (state.chat ? state.chat.path : null));
  const threadKey = useRoom((state) => state.selectedThreadKey);
  const pendingAgentConfig = useRoom((state) => state.pendingAgentConfig);
  const error = useRoom((state) => state.error);
  useThreadJumpShortcut();

  return (
    <Flex style={{ height: '100vh', overflow: 'hidden' }} className="cc-chat-room">
      <div style={{ width: 300, flexShrink: 0, borderRight: '1px solid rgba(0,0,0,0.08)' }}>
        <Sidebar />
      </div>
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="space-between" align="center" style={{ padding: '4px 16px' }}>
          <span>{chatPath}</span>
          <Flex align="center" gap={8}>
            <ChatAlerts />
            <ConnectionIndicator />
          </Flex>
        </Flex>
        {error && <Alert type="error" showIcon closable title={error} onClose={() => room.getState().dismissError()} />}
        <main style={{ flex: 1, minHeight: 0 }}>
          {!chatPath ? (
            <WelcomePane />
          ) : threadKey ? (
            <CodexThread key={threadKey} threadKey={threadKey} path={chatPath} />
          ) : (
            <NewThreadPane agentConfig={pendingAgentConfig} />
          )}
        </main>
      </Flex>
    </Flex>
  );
}
