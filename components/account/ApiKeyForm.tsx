import { Alert, Button, Input, Space } from 'antd';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';

/**
 * A password field for an API key with a submit and a Cancel. The field starts empty (a stored key
 * is never shown or sent back), a refusal is shown under it and the typed key is kept for a retry.
 */
export function ApiKeyForm({ label, submitLabel, onSubmit, onCancel }: { label: string; submitLabel: string; onSubmit(apiKey: string): Promise<unknown>; onCancel(): void }) {
  const id = useId();
  const [apiKey, setApiKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (apiKey.trim() === '') return setProblem('Paste the API key first.');
    setSaving(true);
    try {
      await onSubmit(apiKey.trim());
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} style={{ maxWidth: 420 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label htmlFor={id}>{label}</label>
        <Input.Password
          id={id}
          autoFocus
          autoComplete="new-password"
          value={apiKey}
          status={problem ? 'error' : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setApiKey(event.target.value)}
        />
        {problem && <Alert type="error" showIcon title={problem} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {submitLabel}
          </Button>
          <Button onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        </Space>
      </Space>
    </form>
  );
}
