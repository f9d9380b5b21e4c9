import { App as AntApp, ConfigProvider, Flex } from 'antd';
import { AdminPage, ChatRoom, CodexProvider, ConnectionIndicator } from '../index.js';
import type { CodexRuntime } from '../index.js';
import { useHashRoute } from './use-hash-route.js';

/** The lite-mode page: the chat room, or the admin page at `#/admin`. */
export function App({ runtime }: { runtime: CodexRuntime }) {
  const route = useHashRoute();
  return (
    <ConfigProvider>
      <AntApp>
        <CodexProvider runtime={runtime}>
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
        </CodexProvider>
      </AntApp>
    </ConfigProvider>
  );
}
