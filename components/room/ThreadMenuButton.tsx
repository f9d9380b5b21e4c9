import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useMountOnFirstOpen } from '../common/useMountOnFirstOpen.js';

/**
 * The "…" actions button of a thread row. antd's Dropdown is mounted on the first click only (see
 * useMountOnFirstOpen): the sidebar shows dozens of rows when a chat opens and almost none of their
 * menus is ever opened; a Dropdown per row was a share of that first render.
 */
export function ThreadMenuButton({ label, items, onPick }: { label: string; items: NonNullable<MenuProps['items']>; onPick: (key: string) => void }) {
  const { mounted, open, setOpen, trigger: button, firstOpen } = useMountOnFirstOpen();
  const trigger = <Button ref={button} size="small" type="text" icon={<MoreOutlined />} aria-label={`Actions for ${label}`} onClick={mounted ? undefined : firstOpen} />;
  if (!mounted) return trigger;
  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      menu={{
        items,
        onClick: ({ key }) => {
          setOpen(false);
          onPick(key);
        },
      }}
    >
      {trigger}
    </Dropdown>
  );
}
