import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useMountOnFirstOpen } from '../common/useMountOnFirstOpen.js';
import { useThreadExport } from './useThreadExport.js';

const ITEMS = [
  { key: 'clean', label: 'Markdown: messages and answers' },
  { key: 'full', label: 'Markdown: full, with activity and reasoning' },
];

/** "Export" menu of a thread: clean (messages and answers) or full (with activity and reasoning). Its Dropdown is mounted on the first click. */
export function ExportMenu({ threadKey, authorName }: { threadKey: string; authorName: (senderId: string) => string }) {
  const { exportThread, busy } = useThreadExport(threadKey, authorName);
  const { mounted, open, setOpen, trigger, firstOpen } = useMountOnFirstOpen();
  const button = (
    <Button ref={trigger} size="small" loading={busy} onClick={mounted ? undefined : firstOpen}>
      Export <DownOutlined />
    </Button>
  );
  if (!mounted) return button;
  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      menu={{
        items: ITEMS,
        onClick: ({ key }) => {
          setOpen(false);
          void exportThread(key === 'full' ? 'full' : 'clean');
        },
      }}
    >
      {button}
    </Dropdown>
  );
}
