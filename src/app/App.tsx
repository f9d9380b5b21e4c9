import { App as AntApp, Flex } from 'antd';
import { AdminPage, ChatRoom, CodexProvider, CodexThemeProvider, ConnectionIndicator, ThemeSwitch } from '../index.js';
import type { CodexRuntime } from '../index.js';
import { useHashRoute } from './use-hash-route.js';

/** The lite-mode page: the chat room, or the admin page at `#/admin`; light / dark / system theme, remembered. */
export function App({ runtime }: { runtime: CodexRuntime }) {
  const route = useHashRoute();
  return (
    <CodexThemeProvider applyToDocument>
      <AntApp>
        <CodexProvider runtime={runtime}>
          {route === 'admin' ? (
            <Flex vertical>
              <Flex justify="space-between" style={{ padding: '8px 24px' }}>
                <a href="#/">← Back to chat</a>
                <Flex align="center" gap={8}>
                  <ConnectionIndicator />
                  <ThemeSwitch />
                </Flex>
              </Flex>
              <AdminPage />
            </Flex>
          ) : (
            <ChatRoom headerExtra={<ThemeSwitch />} />
          )}
        </CodexProvider>
      </AntApp>
    </CodexThemeProvider>
  );
}
