import { Avatar } from 'antd';
import { authorColour, authorInitials } from '../common/AuthorAvatar.js';

export type AccountAvatarProps = {
  accountId: string;
  name: string;
  size?: number;
  /** What a screen reader hears (and the tooltip says); the name by default, e.g. "Queued by Ann". */
  label?: string;
};

/**
 * An account's avatar that stands on its own: initials on the account's stable colour (the same as
 * beside its messages), labelled with the name for screen readers and in the tooltip.
 */
export function AccountAvatar({ accountId, name, size = 20, label = name }: AccountAvatarProps) {
  const colour = authorColour(accountId);
  return (
    <span className="cc-account-avatar" role="img" aria-label={label} title={label} data-account-id={accountId} data-colour={colour} style={{ display: 'inline-flex' }}>
      <Avatar size={size} aria-hidden="true" style={{ background: colour, color: '#fff', fontSize: size * 0.45, flex: 'none' }}>
        {authorInitials(name)}
      </Avatar>
    </span>
  );
}
