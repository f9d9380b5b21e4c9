import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useThreadExport } from './useThreadExport.js';

/** "Export" menu of a thread: clean (messages and answers) or full (with activity and reasoning). */
export function ExportMenu({ threadKey, authorName }: { threadKey: string; authorName: (senderId: string) => string }) {
  const { exportThread, busy } = useThreadExport(threadKey, authorName);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'clean', label: 'Markdown: messages and answers' },
          { key: 'full', label: 'Markdown: full, with activity and reasoning' },
        ],
        onClick: ({ key }) => void exportThread(key === 'full' ? 'full' : 'clean'),
      }}
    >
      <Button size="small" loading={busy}>
        Export <DownOutlined />
      </Button>
    </Dropdown>
  );
}
