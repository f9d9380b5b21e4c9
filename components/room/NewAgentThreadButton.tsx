import { RobotOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';
import { useRoomStore } from '../../stores/room/index.js';
import { SessionConfigModal } from '../session/SessionConfigModal.js';

/** "New agent thread": the session-config modal, then the new thread's composer. */
export function NewAgentThreadButton({ chatFolder, primary = false, label = 'New agent thread' }: { chatFolder: string; primary?: boolean; label?: string }) {
  const room = useRoomStore();
  const [open, setOpen] = useState(false);
  const { agents, settings } = useSessionInfo();
  return (
    <>
      <Button icon={<RobotOutlined />} onClick={() => setOpen(true)} disabled={!agents} block={!primary} type={primary ? 'primary' : 'default'}>
        {label}
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
