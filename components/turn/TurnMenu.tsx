import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useDeleteActivityLog } from '../../stores/hooks/useDeleteActivityLog.js';

type TurnMenuProps = { turnId: string; threadKey: string; /** Only an ended turn's log can be deleted. */ ended: boolean };

/** A turn's "…" menu: "Delete activity log" (after a confirmation), for an ended turn. */
export function TurnMenu({ turnId, threadKey, ended }: TurnMenuProps) {
  const { deleteLog, deleting, error } = useDeleteActivityLog(threadKey, turnId);
  const [confirming, setConfirming] = useState(false);
  const items = [
    {
      key: 'delete-log',
      danger: true,
      disabled: !ended || deleting,
      label: ended ? 'Delete activity log' : 'Delete activity log (when the turn has ended)',
    },
  ];
  return (
    <>
      {error ? (
        <Typography.Text type="danger" role="alert">
          Could not delete the log: {error}
        </Typography.Text>
      ) : null}
      <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => key === 'delete-log' && setConfirming(true) }}>
        <Button size="small" type="text" icon={<MoreOutlined />} aria-label="Turn actions" loading={deleting} />
      </Dropdown>
      <Modal
        open={confirming}
        title="Delete this turn's activity log?"
        okText="Delete log"
        okButtonProps={{ danger: true }}
        confirmLoading={deleting}
        onCancel={() => setConfirming(false)}
        onOk={async () => {
          await deleteLog();
          setConfirming(false);
        }}
      >
        Its commands, output, diffs and reasoning are removed for everyone. The answer stays in the chat.
      </Modal>
    </>
  );
}
