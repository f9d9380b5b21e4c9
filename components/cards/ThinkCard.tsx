import { ExperimentOutlined } from '@ant-design/icons';
import { ToolCardFrame } from './ToolCardFrame.js';
import type { CardProps } from './card-props.js';

/** A "think" tool call (the agent planning internally). */
export function ThinkCard({ turnId, item }: CardProps<'think'>) {
  return <ToolCardFrame turnId={turnId} item={item} icon={<ExperimentOutlined />} label="Think" showRaw={false} />;
}
