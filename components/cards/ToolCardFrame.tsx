import type { ReactNode } from 'react';
import { Tag } from 'antd';
import type { ToolItem } from '../../src/activity/index.js';
import { useCardExpanded } from '../../stores/hooks/useCardExpanded.js';
import { CardHeader } from '../common/CardHeader.js';
import { CardShell } from '../common/CardShell.js';
import { StatusTag } from '../common/StatusTag.js';
import { ToolDetails } from './ToolDetails.js';

type ToolCardFrameProps = { turnId: string; item: ToolItem; icon: ReactNode; label: string; showRaw: boolean; showKind?: boolean };

/** Header (title, kind, status) and collapsible details: the common shape of read/fetch/think/tool cards. */
export function ToolCardFrame({ turnId, item, icon, label, showRaw, showKind = false }: ToolCardFrameProps) {
  const { expanded, toggle } = useCardExpanded(turnId, item.id, item.status === 'failed');
  return (
    <CardShell
      kind={item.kind}
      label={`${label}: ${item.title}`}
      header={
        <CardHeader
          label={label.toLowerCase()}
          icon={icon}
          title={item.title || label}
          expanded={expanded}
          onToggle={toggle}
          extra={
            <>
              {showKind ? <Tag>{item.toolKind}</Tag> : null}
              <StatusTag status={item.status} />
            </>
          }
        />
      }
    >
      {expanded ? <ToolDetails item={item} showRaw={showRaw} /> : null}
    </CardShell>
  );
}
