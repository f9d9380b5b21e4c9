import { App as AntApp, Flex } from 'antd';
import { AdminPage, ChatRoom, CodexProvider, CodexThemeProvider, ConnectionIndicator, PeopleProvider, ThemeSwitch } from '../index.js';
import type { CodexRuntime, PeopleStore } from '../index.js';
import { useHashRoute } from './use-hash-route.js';

/**
 * The lite-mode page: the chat room, or the admin page at `#/admin`; light / dark / system theme,
 * remembered; `people` names the authors other than this account (lite: the local account's name).
 */
export function App({ runtime, people }: { runtime: CodexRuntime; people: PeopleStore }) {
  const route = useHashRoute();
  return (
    <CodexThemeProvider applyToDocument>
      <AntApp>
        <PeopleProvider people={people}>
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
        </PeopleProvider>
      </AntApp>
    </CodexThemeProvider>
  );
}
