import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { chatFolder, useRoom, useRoomStore } from '../../stores/room/index.js';
import { SidebarSearch } from '../search/SidebarSearch.js';
import { usePainted } from './after-paint.js';
import { ChatFileList } from './ChatFileList.js';
import { NewAgentThreadButton } from './NewAgentThreadButton.js';
import { ThreadList } from './ThreadList.js';

/**
 * The left column: chat files, new thread / new agent thread, and the open chat's threads. Its
 * content comes once the first screen (the thread) has been painted: a frame later, so that screen
 * is one smaller commit (measured in the open-chat bench, see the README).
 */
export function Sidebar() {
  const painted = usePainted();
  return (
    <Flex component="aside" vertical gap={8} style={{ padding: 12, height: '100%', boxSizing: 'border-box', overflowY: 'auto' }} className="cc-sidebar">
      {painted && <SidebarContent />}
    </Flex>
  );
}

function SidebarContent() {
  const room = useRoomStore();
  const chatPath = useRoom((state) => state.chatPath);
  const open = useRoom((state) => state.chat !== null);
  const opening = useRoom((state) => state.opening);
  return (
    <>
      <ChatFileList />
      {opening && <Alert type="info" title={`Opening ${chatPath}…`} />}
      {open && chatPath && (
        <>
          {/* A plain rule: antd's Divider registers its styles on the first screen for a line. */}
          <hr style={DIVIDER_STYLE} />
          <SidebarSearch />
          <Button icon={<EditOutlined />} onClick={() => room.getState().selectThread(null)} block>
            New thread
          </Button>
          <NewAgentThreadButton chatFolder={chatFolder(chatPath)} />
          <ThreadList />
        </>
      )}
    </>
  );
}

const DIVIDER_STYLE = { width: '100%', margin: '4px 0', border: 0, borderTop: '1px solid var(--cc-border, #e5e5e5)' };
