import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { authorColour } from '../common/AuthorAvatar.js';
import { AccountAvatar } from './AccountAvatar.js';

/**
 * A line saying who did something ("Ann approved …", "Bo interrupted"): the account's avatar, then
 * the text (`role` goes on the text, so a status reads as the sentence alone). The avatar is hidden
 * from screen readers: the text already starts with the name.
 */
export function WhoLine({ accountId, name, children, role }: { accountId: string | null; name: string; children: ReactNode; role?: 'status' }) {
  return (
    <Flex gap={6} align="center" className="cc-who-line" data-account-id={accountId ?? undefined}>
      {accountId !== null && (
        <span aria-hidden="true" style={{ display: 'inline-flex' }} data-colour={authorColour(accountId)}>
          <AccountAvatar accountId={accountId} name={name} size={18} />
        </span>
      )}
      <span role={role}>{children}</span>
    </Flex>
  );
}
