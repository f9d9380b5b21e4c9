import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useMediaQuery } from './useMediaQuery.js';

/** Below this width the sidebar is a drawer and the thread takes the whole width. */
export const NARROW_QUERY = '(max-width: 899px)';
const SIDEBAR_WIDTH = 300;
// The sidebar's thread buttons (components/room/ThreadListItem.tsx), not their action menus.
const THREAD_PICK = '.cc-thread-button';

export type RoomLayoutProps = {
  sidebar: ReactNode;
  /** The header's left part (e.g. the chat's path) and right part (alerts, connection, theme). */
  headerStart: ReactNode;
  headerEnd: ReactNode;
  /** Changes when the user picks a thread (or "New thread"): the drawer closes then. */
  navigationKey: string | null;
  children: ReactNode;
};

/** Sidebar beside the content on wide windows; on narrow ones a drawer behind a menu button. */
export function RoomLayout({ sidebar, headerStart, headerEnd, navigationKey, children }: RoomLayoutProps) {
  const narrow = useMediaQuery(NARROW_QUERY);
  // The drawer stays open only while the thread it was opened on is selected: picking a thread
  // (or "New thread") in it ends the navigation and shows the thread.
  const [openedOn, setOpenedOn] = useState<{ key: string | null } | null>(null);
  const drawerOpen = openedOn !== null && openedOn.key === navigationKey;
  const setDrawerOpen = (open: boolean) => setOpenedOn(open ? { key: navigationKey } : null);

  return (
    <Flex style={{ height: '100vh', overflow: 'hidden' }} className="cc-chat-room" data-layout={narrow ? 'narrow' : 'wide'}>
      {narrow ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size="min(300px, 85vw)" forceRender title="Chats and threads" styles={{ body: { padding: 0 } }}>
          {/* Clicking a thread, even the one already open, is picking it. */}
          <div style={{ height: '100%' }} onClick={(event) => (event.target as Element).closest(THREAD_PICK) && setDrawerOpen(false)}>
            {sidebar}
          </div>
        </Drawer>
      ) : (
        <div style={{ width: SIDEBAR_WIDTH, flexShrink: 0, borderRight: '1px solid var(--cc-border, rgba(0,0,0,0.08))' }}>{sidebar}</div>
      )}
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="space-between" align="center" gap={8} style={{ padding: narrow ? '4px 8px' : '4px 16px', minWidth: 0 }}>
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {narrow && <Button type="text" icon={<MenuOutlined />} aria-label="Open chats and threads" aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} />}
            <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{headerStart}</span>
          </Flex>
          <Flex align="center" gap={8} style={{ flexShrink: 0 }}>
            {headerEnd}
          </Flex>
        </Flex>
        {children}
      </Flex>
    </Flex>
  );
}
