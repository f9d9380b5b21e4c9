import { BulbOutlined } from '@ant-design/icons';
import { useCardExpanded } from '../../stores/hooks/useCardExpanded.js';
import { CardHeader } from '../common/CardHeader.js';
import { CardShell } from '../common/CardShell.js';
import { SafeMarkdown } from '../common/SafeMarkdown.js';
import { formatElapsed } from '../common/format.js';
import type { CardProps } from './card-props.js';

// Codex starts each reasoning block with a bold heading ("**Greeting** ..."); use it as the title.
function headingOf(text: string): string {
  const bold = /^\s*\*\*(.+?)\*\*/.exec(text);
  if (bold) return bold[1];
  const firstLine = text.trim().split('\n', 1)[0] ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 80)}…` : firstLine || 'Reasoning';
}

/** The agent's reasoning: streams open while the turn runs, collapses to its heading and duration. */
export function ReasoningCard({ turnId, item, live }: CardProps<'reasoning'>) {
  const { expanded, toggle } = useCardExpanded(turnId, item.id, live);
  const duration = formatElapsed(item.updatedAt - item.startedAt);
  return (
    <CardShell
      kind="reasoning"
      label="Reasoning"
      header={
        <CardHeader
          label="reasoning"
          icon={<BulbOutlined />}
          title={headingOf(item.text)}
          expanded={expanded}
          onToggle={toggle}
          extra={<span className="cc-muted">{live ? 'thinking' : 'thought'} {duration}</span>}
        />
      }
    >
      {expanded ? <SafeMarkdown text={item.text} /> : null}
    </CardShell>
  );
}
