import { Tag } from 'antd';
import type { ItemStatus } from '../../src/activity/index.js';

const STATUS_LOOK: Record<ItemStatus, { color: string; label: string }> = {
  pending: { color: 'default', label: 'pending' },
  'awaiting-approval': { color: 'gold', label: 'awaiting approval' },
  'in-progress': { color: 'processing', label: 'running' },
  completed: { color: 'success', label: 'done' },
  failed: { color: 'error', label: 'failed' },
  rejected: { color: 'warning', label: 'rejected' },
  cancelled: { color: 'default', label: 'cancelled' },
};

/** The one place a tool status becomes a coloured tag; unknown values show as themselves. */
export function StatusTag({ status }: { status: ItemStatus }) {
  const look = STATUS_LOOK[status] ?? { color: 'default', label: String(status) };
  return (
    <Tag color={look.color} data-status={status}>
      {look.label}
    </Tag>
  );
}
