import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { AccountNameForm } from '../account/AccountNameForm.js';
import { AccountAvatar } from './AccountAvatar.js';

export type AccountPageProps = {
  accountId: string;
  name: string;
  email?: string | null;
  /** Saves the display name (account.setName); a refusal is shown by the form, the text kept. */
  onSaveName: (name: string) => Promise<unknown>;
  /** The agent credentials panel ("Connect Codex"), when the page has one. */
  children?: ReactNode;
};

/** The multiuser account page: who you are (avatar, name, email), your name to edit, then your agent credentials. */
export function AccountPage({ accountId, name, email, onSaveName, children }: AccountPageProps) {
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720, margin: '0 auto', padding: 24 }} aria-label="Your account" role="region">
      <Flex gap={12} align="center">
        <AccountAvatar accountId={accountId} name={name} size={48} label={`${name} (your avatar)`} />
        <Flex vertical>
          <Typography.Title level={3} style={{ margin: 0 }}>{name}</Typography.Title>
          {email && <Typography.Text type="secondary">{email}</Typography.Text>}
        </Flex>
      </Flex>
      <Card title="Display name" size="small">
        <Typography.Paragraph type="secondary">Other members see it beside your messages, approvals and queued turns.</Typography.Paragraph>
        {/* key: a name saved elsewhere (another tab) resets the field */}
        <AccountNameForm key={name} initialName={name} onSave={onSaveName} />
      </Card>
      {children}
    </Flex>
  );
}
