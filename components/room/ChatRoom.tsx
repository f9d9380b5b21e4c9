import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useRoom, useRoomStore } from '../../stores/room/index.js';
import { AccountMenu } from '../account/AccountMenu.js';
import { ChatAlerts } from '../inbox/ChatAlerts.js';
import { RoomLayout } from '../layout/RoomLayout.js';
import { CodexThread } from '../thread/CodexThread.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { NewThreadPane } from './NewThreadPane.js';
import { Sidebar } from './Sidebar.js';
import { useThreadJumpShortcut } from './useThreadJumpShortcut.js';
import { WelcomePane } from './WelcomePane.js';

/**
 * The chat page: sidebar on the left (a drawer on narrow windows), the selected thread (a
 * CodexThread, or a new one) on the right. `headerExtra` goes at the header's end (the lite app's
 * theme switch); `notice`, a banner above the thread (the multiuser page: the project's host is away).
 */
export function ChatRoom({ headerExtra, notice }: { headerExtra?: ReactNode; notice?: ReactNode } = {}) {
  const room = useRoomStore();
  const chatPath = useRoom((state) => (state.chat ? state.chat.path : null));
  const threadKey = useRoom((state) => state.selectedThreadKey);
  const pendingAgentConfig = useRoom((state) => state.pendingAgentConfig);
  const error = useRoom((state) => state.error);
  useThreadJumpShortcut();

  return (
    <RoomLayout
      sidebar={<Sidebar />}
      navigationKey={threadKey}
      headerStart={chatPath}
      headerEnd={
        <>
          <ChatAlerts />
          <ConnectionIndicator />
          {headerExtra}
          <AccountMenu />
        </>
      }
    >
      {notice}
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
    </RoomLayout>
  );
}
