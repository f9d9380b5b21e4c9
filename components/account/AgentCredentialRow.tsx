import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CredentialStatus } from '../../src/protocol/index.js';
import { ApiKeyForm } from './ApiKeyForm.js';

/** What a turn of this agent would start with, in words. */
function keyUse(label: string, status: CredentialStatus): string {
  if (status.effective === 'user') return `Your turns with ${label} use your key.`;
  if (status.effective === 'site') return `Your turns with ${label} use the site's key.`;
  return `Turns you start with ${label} fail until you connect it.`;
}

/**
 * One agent in the account settings: "Connect Codex" (a password field), or "Connected" with
 * Replace and Disconnect. The stored key is never shown.
 */
export function AgentCredentialRow({ label, status, userKeysAllowed, onConnect, onDisconnect }: { label: string; status: CredentialStatus; userKeysAllowed: boolean; onConnect(apiKey: string): Promise<void>; onDisconnect(): Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const disconnect = () => onDisconnect().then(() => setProblem(null), (error: unknown) => setProblem(`Could not disconnect: ${error instanceof Error ? error.message : String(error)}`));
  const updated = status.userKeyUpdatedAt ? ` · saved ${status.userKeyUpdatedAt.slice(0, 10)}` : '';
  return (
    <section aria-label={label} style={{ padding: '12px 0', borderBottom: '1px solid rgba(0, 0, 0, 0.06)' }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{label}</Typography.Text>
          {status.hasUserKey ? <Tag color="green">Connected{updated}</Tag> : <Tag>Not connected</Tag>}
        </Space>
        <Typography.Text type="secondary">{keyUse(label, status)}</Typography.Text>
        {status.hasUserKey && !userKeysAllowed && <Alert type="warning" showIcon title="The admin does not allow user keys: your key is not used." />}
        {problem && <Alert type="error" showIcon title={problem} />}
        {editing ? (
          <ApiKeyForm
            label={`${label} API key`}
            submitLabel={status.hasUserKey ? 'Replace key' : `Connect ${label}`}
            onCancel={() => setEditing(false)}
            onSubmit={async (apiKey) => {
              await onConnect(apiKey);
              setEditing(false);
            }}
          />
        ) : status.hasUserKey ? (
          <Space>
            {userKeysAllowed && <Button onClick={() => setEditing(true)}>Replace</Button>}
            <Button danger onClick={disconnect}>
              Disconnect
            </Button>
          </Space>
        ) : userKeysAllowed ? (
          <Button type="primary" onClick={() => setEditing(true)}>
            Connect {label}
          </Button>
        ) : (
          <Typography.Text type="secondary">The admin does not allow user keys.</Typography.Text>
        )}
      </Space>
    </section>
  );
}
