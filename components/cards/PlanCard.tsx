import { CheckCircleFilled, ClockCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import type { PlanItem } from '../../src/activity/index.js';
import { CardShell } from '../common/CardShell.js';
import type { CardProps } from './card-props.js';

type PlanStatus = PlanItem['entries'][number]['status'];

const ICON: Record<PlanStatus, { icon: React.ReactNode; label: string }> = {
  pending: { icon: <ClockCircleOutlined />, label: 'pending' },
  in_progress: { icon: <LoadingOutlined />, label: 'in progress' },
  completed: { icon: <CheckCircleFilled style={{ color: '#52c41a' }} />, label: 'done' },
};

/** The agent's plan as a checklist with a status per entry. */
export function PlanCard({ item }: CardProps<'plan'>) {
  const done = item.entries.filter((entry) => entry.status === 'completed').length;
  return (
    <CardShell kind="plan" label="Plan" header={<strong>Plan ({done}/{item.entries.length} done)</strong>}>
      <ul style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
        {item.entries.map((entry, index) => {
          const look = ICON[entry.status] ?? ICON.pending;
          return (
            <li key={index} data-status={entry.status} style={{ display: 'flex', gap: 6 }}>
              <span role="img" aria-label={look.label}>
                {look.icon}
              </span>
              <span style={entry.status === 'completed' ? { textDecoration: 'line-through' } : undefined}>{entry.content}</span>
            </li>
          );
        })}
      </ul>
    </CardShell>
  );
}
