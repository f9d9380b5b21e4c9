import { Button, Popover } from 'antd';
import { useState } from 'react';
import { useStore } from 'zustand';
import { useCodexStores } from '../../stores/provider.js';
import { AuthorAvatar } from '../common/AuthorAvatar.js';
import { AccountNameForm } from './AccountNameForm.js';

/**
 * The header's account control: this account's avatar; a click opens "Your name" to rename it.
 * Only shown when the hub keeps a name for this account (lite mode's local account).
 */
export function AccountMenu() {
  const { session } = useCodexStores();
  const accountId = useStore(session, (state) => state.accountId);
  const accountName = useStore(session, (state) => state.accountName);
  const [open, setOpen] = useState(false);
  if (accountName === null) return null;

  const save = async (name: string) => {
    await session.getState().saveAccountName(name);
    setOpen(false);
  };

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      content={<AccountNameForm initialName={accountName} onSave={save} />}
    >
      <Button type="text" shape="circle" aria-label={`Your account: ${accountName} (change your name)`}>
        <AuthorAvatar id={accountId ?? accountName} name={accountName} size={24} />
      </Button>
    </Popover>
  );
}
