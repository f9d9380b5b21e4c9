import { Button, Popconfirm, Typography } from 'antd';
import { useDeleteActivityLog } from '../../stores/hooks/useDeleteActivityLog.js';

/** The thread title bar's "Delete activity log": every turn's log of the thread, after a confirmation. */
export function DeleteThreadLogButton({ threadKey, running }: { threadKey: string; /** A turn is running: its log cannot go. */ running: boolean }) {
  const { deleteLog, deleting, error } = useDeleteActivityLog(threadKey);
  return (
    <>
      <Popconfirm
        title="Delete this thread's activity logs?"
        description="Every turn's commands, output, diffs and reasoning are removed for everyone. The answers stay in the chat."
        okText="Delete logs"
        okButtonProps={{ danger: true }}
        onConfirm={deleteLog}
        disabled={running}
      >
        <Button size="small" danger disabled={running} loading={deleting} title={running ? 'Wait until the running turn ends.' : undefined}>
          Delete activity log
        </Button>
      </Popconfirm>
      {error ? (
        <Typography.Text type="danger" role="alert">
          Could not delete the logs: {error}
        </Typography.Text>
      ) : null}
    </>
  );
}
