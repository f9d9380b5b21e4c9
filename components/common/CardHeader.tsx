import type { ReactNode } from 'react';
import { DownOutlined, RightOutlined } from '@ant-design/icons';

type CardHeaderProps = {
  icon?: ReactNode;
  title: ReactNode;
  /** Tags, durations and buttons on the right. */
  extra?: ReactNode;
  expanded: boolean;
  onToggle: () => void;
  /** Accessible name of the toggle, e.g. "Reasoning". */
  label: string;
};

/** The collapsible header every card shares: a real button (keyboard, aria-expanded) plus extras. */
export function CardHeader({ icon, title, extra, expanded, onToggle, label }: CardHeaderProps) {
  return (
    <div className="cc-card-header" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <button
        type="button"
        aria-expanded={expanded}
        aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`}
        onClick={onToggle}
        style={{ background: 'none', border: 'none', padding: 0, cursor: 'pointer', display: 'flex', gap: 6, alignItems: 'center', minWidth: 0, flex: 1, textAlign: 'left', font: 'inherit' }}
      >
        {expanded ? <DownOutlined /> : <RightOutlined />}
        {icon}
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{title}</span>
      </button>
      {extra}
    </div>
  );
}
