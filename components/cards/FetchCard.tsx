import { GlobalOutlined } from '@ant-design/icons';
import { ToolCardFrame } from './ToolCardFrame.js';
import type { CardProps } from './card-props.js';

/** A web fetch or search: its title (usually the URL or query), status and what came back. */
export function FetchCard({ turnId, item }: CardProps<'fetch'>) {
  return <ToolCardFrame turnId={turnId} item={item} icon={<GlobalOutlined />} label="Fetch" showRaw />;
}
