import { App as AntApp, ConfigProvider, Flex } from 'antd';
import { AdminPage } from '../../components/admin/AdminPage.js';
import { ChatRoom } from '../../components/room/ChatRoom.js';
import { ConnectionIndicator } from '../../components/room/ConnectionIndicator.js';
import { CodexChatProvider } from '../../stores/provider.js';
import type { CodexStores } from '../../stores/provider.js';
import { RoomProvider } from '../../stores/room/index.js';
import type { RoomStore } from '../../stores/room/index.js';
import { useHashRoute } from './use-hash-route.js';

/** The lite-mode page: the chat room, or the admin page at `#/admin`. */
export function App({ stores, room }: { stores: CodexStores; room: RoomStore }) {
  const route = useHashRoute();
  return (
    <ConfigProvider>
      <AntApp>
        <CodexChatProvider stores={stores}>
          <RoomProvider store={room}>
            {route === 'admin' ? (
              <Flex vertical>
                <Flex justify="space-between" style={{ padding: '8px 24px' }}>
                  <a href="#/">← Back to chat</a>
                  <ConnectionIndicator />
                </Flex>
                <AdminPage />
              </Flex>
            ) : (
              <ChatRoom />
            )}
          </RoomProvider>
        </CodexChatProvider>
      </AntApp>
    </ConfigProvider>
  );
}
