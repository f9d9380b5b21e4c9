import { Button, Popover } from 'antd';
import { useStore } from 'zustand';
import { useCodexStores } from '../../stores/provider.js';
import { AuthorAvatar } from '../common/AuthorAvatar.js';
import { useMountOnFirstOpen } from '../common/useMountOnFirstOpen.js';
import { AccountNameForm } from './AccountNameForm.js';

/**
 * The header's account control: this account's avatar; a click opens "Your name" to rename it.
 * Only shown when the hub keeps a name for this account (lite mode's local account). Its Popover
 * is mounted on the first click (useMountOnFirstOpen).
 */
export function AccountMenu() {
  const { session } = useCodexStores();
  const accountId = useStore(session, (state) => state.accountId);
  const accountName = useStore(session, (state) => state.accountName);
  const { mounted, open, setOpen, trigger, firstOpen } = useMountOnFirstOpen();
  if (accountName === null) return null;

  const save = async (name: string) => {
    await session.getState().saveAccountName(name);
    setOpen(false);
  };

  const button = (
    <Button ref={trigger} type="text" shape="circle" aria-label={`Your account: ${accountName} (change your name)`} onClick={mounted ? undefined : firstOpen}>
      <AuthorAvatar id={accountId ?? accountName} name={accountName} size={24} />
    </Button>
  );
  if (!mounted) return button;
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      content={<AccountNameForm initialName={accountName} onSave={save} />}
    >
      {button}
    </Popover>
  );
}
