import { FileSearchOutlined } from '@ant-design/icons';
import { ToolCardFrame } from './ToolCardFrame.js';
import type { CardProps } from './card-props.js';

/** A read or search of workspace files, with the locations it touched. */
export function ReadCard({ turnId, item }: CardProps<'read'>) {
  return <ToolCardFrame turnId={turnId} item={item} icon={<FileSearchOutlined />} label={item.toolKind === 'search' ? 'Search' : 'Read'} showRaw={false} />;
}
