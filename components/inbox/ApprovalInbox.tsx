import { SafetyOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer } from 'antd';
import { useCallback, useState } from 'react';
import { usePendingApprovals, useWatchRunningTurns } from '../../stores/hooks/usePendingApprovals.js';
import { useRoomStore } from '../../stores/provider.js';
import { InboxList } from './InboxList.js';
import { useInboxShortcut } from './useInboxShortcut.js';

/**
 * The approval inbox: a header button with the count of approvals waiting in the open chat, and a
 * drawer listing them (Ctrl/Cmd+Shift+A opens it, Esc closes). It keeps every running turn of the
 * chat watched, which is also what the sidebar's "Waiting" marks read.
 */
export function ApprovalInbox() {
  const room = useRoomStore();
  const approvals = usePendingApprovals();
  const [open, setOpen] = useState(false);
  useWatchRunningTurns();
  useInboxShortcut(useCallback(() => setOpen(true), []));
  const openThread = (threadKey: string) => {
    room.getState().selectThread(threadKey);
    setOpen(false);
  };
  const count = approvals.length;
  return (
    <>
      <Badge count={count} size="small" color="orange">
        <Button
          type="text"
          icon={<SafetyOutlined />}
          aria-label={count === 0 ? 'Approvals: none waiting' : `Approvals: ${count} waiting`}
          aria-keyshortcuts="Control+Shift+A Meta+Shift+A"
          title="Approvals waiting for you (Ctrl/Cmd+Shift+A)"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer title="Waiting for your approval" placement="right" size={480} open={open} onClose={() => setOpen(false)} destroyOnHidden>
        <InboxList approvals={approvals} onOpenThread={openThread} />
      </Drawer>
    </>
  );
}
