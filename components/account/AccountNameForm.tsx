import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import type { FormEvent } from 'react';

const MAX_NAME_LENGTH = 80;

/** Why `name` cannot be saved, checked before asking the hub (which checks again). */
function nameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name.';
  if (trimmed.length > MAX_NAME_LENGTH) return `The name is longer than ${MAX_NAME_LENGTH} characters (${trimmed.length}).`;
  return undefined;
}

/**
 * "Your name": an input with Save. Resolves `onSave` with the trimmed name; a refusal (ours or the
 * hub's) is shown under the input and the typed text is kept, so nothing is lost.
 */
export function AccountNameForm({ initialName, onSave }: { initialName: string; onSave(name: string): Promise<unknown> }) {
  const [name, setName] = useState(initialName);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = nameProblem(name);
    if (invalid) return setProblem(invalid);
    setSaving(true);
    try {
      await onSave(name.trim());
      setProblem(null);
    } catch (error) {
      setProblem(`Could not save the name: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label="Your name" style={{ width: 260 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label htmlFor="cc-account-name">Your name</label>
        <Input
          id="cc-account-name"
          autoFocus
          value={name}
          status={problem ? 'error' : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'cc-account-name-problem' : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {problem && <Alert id="cc-account-name-problem" type="error" showIcon title={problem} />}
        <Button type="primary" htmlType="submit" loading={saving}>
          Save
        </Button>
      </Space>
    </form>
  );
}
