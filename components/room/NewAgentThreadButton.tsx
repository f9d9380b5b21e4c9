import { RobotOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';
import { useRoomStore } from '../../stores/room/index.js';
import { SessionConfigModal } from '../session/SessionConfigModal.js';

/** "New agent thread": the session-config modal, then the new thread's composer. */
export function NewAgentThreadButton({ chatFolder }: { chatFolder: string }) {
  const room = useRoomStore();
  const [open, setOpen] = useState(false);
  const { agents, settings } = useSessionInfo();
  return (
    <>
      <Button icon={<RobotOutlined />} onClick={() => setOpen(true)} disabled={!agents} block>
        New agent thread
      </Button>
      <SessionConfigModal
        open={open}
        agents={agents ?? []}
        settings={settings}
        value={null}
        defaultWorkingDirectory={chatFolder}
        onCancel={() => setOpen(false)}
        onSave={(config) => {
          room.getState().startAgentThread(config);
          setOpen(false);
        }}
      />
    </>
  );
}
