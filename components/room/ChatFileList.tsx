import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useRoom, useRoomStore } from '../../stores/room/index.js';

/** The workspace's chat files (pick one to open) and "New chat" (chat.create). */
export function ChatFileList() {
  const room = useRoomStore();
  const files = useRoom((state) => state.files);
  const chatPath = useRoom((state) => state.chatPath);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const create = () => {
    const trimmed = name.trim();
    if (!trimmed) return setCreating(false);
    void room.getState().createChat(trimmed.endsWith('.chat') ? trimmed : `${trimmed}.chat`);
    setName('');
    setCreating(false);
  };
  return (
    <Flex vertical gap={6}>
      <Select
        aria-label="Chat file"
        showSearch
        placeholder="Open a chat file"
        value={chatPath ?? undefined}
        loading={files === null}
        options={(files ?? []).map((file) => ({ value: file.path, label: file.path }))}
        onChange={(path: string) => void room.getState().openChat(path)}
        notFoundContent="No chat files yet"
      />
      {creating ? (
        <Input
          aria-label="New chat file name"
          autoFocus
          placeholder="name.chat"
          value={name}
          onChange={(event) => setName(event.target.value)}
          onPressEnter={create}
          onKeyDown={(event) => event.key === 'Escape' && setCreating(false)}
          onBlur={create}
        />
      ) : (
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          New chat
        </Button>
      )}
    </Flex>
  );
}
