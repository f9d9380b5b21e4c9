import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiKeyForm } from '../account/ApiKeyForm.js';

/** The mask shown for a site key that is set: its value never comes back from the hub. */
export const SITE_KEY_MASK = '••••••••';

/** One agent's site key in the admin page: masked when set, replace-only (a new key replaces it), removable. */
export function SiteKeyRow({ label, isSet, onReplace, onRemove }: { label: string; isSet: boolean; onReplace(apiKey: string): Promise<void>; onRemove(): Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = () => onRemove().then(() => setProblem(null), (error: unknown) => setProblem(`Could not remove the site key: ${error instanceof Error ? error.message : String(error)}`));
  return (
    <section aria-label={`Site key of ${label}`} style={{ padding: '8px 0' }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{label}</Typography.Text>
          {isSet ? <Tag color="blue">Site key {SITE_KEY_MASK}</Tag> : <Tag>No site key</Tag>}
        </Space>
        {problem && <Alert type="error" showIcon title={problem} />}
        {editing ? (
          <ApiKeyForm
            label={`${label} site key`}
            submitLabel={isSet ? 'Replace site key' : 'Save site key'}
            onCancel={() => setEditing(false)}
            onSubmit={async (apiKey) => {
              await onReplace(apiKey);
              setEditing(false);
            }}
          />
        ) : (
          <Space>
            <Button onClick={() => setEditing(true)}>{isSet ? 'Replace' : 'Set site key'}</Button>
            {isSet && (
              <Button danger onClick={remove}>
                Remove
              </Button>
            )}
          </Space>
        )}
      </Space>
    </section>
  );
}
