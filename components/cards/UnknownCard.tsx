import { QuestionCircleOutlined } from '@ant-design/icons';
import type { ActivityItem } from '../../src/activity/index.js';
import { useCardExpanded } from '../../stores/hooks/useCardExpanded.js';
import { CardHeader } from '../common/CardHeader.js';
import { CardShell } from '../common/CardShell.js';
import { RawJson } from '../common/RawJson.js';

/** Anything we do not understand (or a kind with no card): its label and raw payload, visibly. */
export function UnknownCard({ turnId, item }: { turnId: string; item: ActivityItem; live: boolean }) {
  const { expanded, toggle } = useCardExpanded(turnId, item.id, false);
  const label = item.kind === 'unknown' ? item.label : `unsupported item: ${String((item as { kind: unknown }).kind)}`;
  const raw = item.kind === 'unknown' ? item.raw : item;
  return (
    <CardShell kind="unknown" label="Unknown item" header={<CardHeader label="unknown item" icon={<QuestionCircleOutlined />} title={label} expanded={expanded} onToggle={toggle} />}>
      {expanded ? <RawJson value={raw} label="Raw payload" /> : null}
    </CardShell>
  );
}
