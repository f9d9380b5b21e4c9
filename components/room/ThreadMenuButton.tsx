import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The "…" actions button of a thread row. antd's Dropdown (its trigger, popup and observers) is
 * mounted on the first click only. Why: the sidebar shows dozens of rows when a chat opens and
 * almost none of their menus is ever opened; a Dropdown per row was a share of that first render.
 */
export function ThreadMenuButton({ label, items, onPick }: { label: string; items: NonNullable<MenuProps['items']>; onPick: (key: string) => void }) {
  const [mounted, setMounted] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Mounting the Dropdown mounts a new button: keep the keyboard focus where it was.
  useLayoutEffect(() => {
    if (!mounted || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [mounted]);
  const firstOpen = () => {
    refocus.current = document.activeElement === button.current;
    setMounted(true);
    setOpen(true);
  };
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
