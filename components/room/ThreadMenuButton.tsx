import { Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useMountOnFirstOpen } from '../common/useMountOnFirstOpen.js';
import './message-actions.css';

/**
 * The "…" actions button of a thread row. antd's Dropdown is mounted on the first click only (see
 * useMountOnFirstOpen): the sidebar shows dozens of rows when a chat opens and almost none of their
 * menus is ever opened; a Dropdown per row was a share of that first render.
 */
export function ThreadMenuButton({ label, items, onPick }: { label: string; items: NonNullable<MenuProps['items']>; onPick: (key: string) => void }) {
  const { mounted, open, setOpen, trigger: button, firstOpen } = useMountOnFirstOpen();
  // A plain button styled like antd's small text one (message-actions.css): one per sidebar row.
  const trigger = (
    <button ref={button} type="button" className="cc-message-action" aria-label={`Actions for ${label}`} onClick={mounted ? undefined : firstOpen}>
      <span aria-hidden="true">⋯</span>
    </button>
  );
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
