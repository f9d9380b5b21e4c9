import { DeleteOutlined } from '@ant-design/icons';
import { Typography } from 'antd';

/** Stands in for the cards of a turn whose activity log was deleted; the answer below it stays. */
export function ActivityLogDeletedNote() {
  return (
    <div role="note" className="cc-activity-log-deleted" style={{ margin: '4px 0' }}>
      <Typography.Text type="secondary">
        <DeleteOutlined aria-hidden /> Activity log deleted
      </Typography.Text>
    </div>
  );
}
