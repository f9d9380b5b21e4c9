import { MessageOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { useRoom, useRoomStore } from '../../stores/room/index.js';

/** The chat a fresh workspace is offered. */
export const FIRST_CHAT_PATH = 'main.chat';
const MAX_LISTED_FILES = 8;

/** What the page shows before a chat is open: a one-click first chat, or the chats to pick from. */
export function WelcomePane() {
  const room = useRoomStore();
  const files = useRoom((state) => state.files);
  const opening = useRoom((state) => state.opening);
  if (files === null || opening) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (files.length === 0) {
    return (
      <Empty style={{ marginTop: 80 }} description={null}>
        <Typography.Title level={4}>Start your first chat</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 460, margin: '0 auto 16px' }}>
          Chats are <code>.chat</code> files in this workspace. In a chat, an agent thread runs a coding agent (the offline Demo
          agent unless you pick another) in the workspace.
        </Typography.Paragraph>
        <Button type="primary" icon={<MessageOutlined />} onClick={() => void room.getState().createChat(FIRST_CHAT_PATH)}>
          Create {FIRST_CHAT_PATH}
        </Button>
      </Empty>
    );
  }
  return (
    <Empty style={{ marginTop: 80 }} description="Pick a chat to open:">
      <Flex vertical align="center" gap={4}>
        {files.slice(0, MAX_LISTED_FILES).map((file) => (
          <Button key={file.path} type="link" onClick={() => void room.getState().openChat(file.path)}>
            {file.path}
          </Button>
        ))}
      </Flex>
    </Empty>
  );
}
