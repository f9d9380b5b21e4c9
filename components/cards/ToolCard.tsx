import { ToolOutlined } from '@ant-design/icons';
import { ToolCardFrame } from './ToolCardFrame.js';
import type { CardProps } from './card-props.js';

/** Any other tool call: title, the agent's kind, status, raw input and output. */
export function ToolCard({ turnId, item }: CardProps<'tool'>) {
  return <ToolCardFrame turnId={turnId} item={item} icon={<ToolOutlined />} label="Tool" showRaw showKind />;
}
