import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Select, Switch, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { AgentInfo, HubSettings } from '../../src/protocol/index.js';
import { selectAgentModels, validateHubSettings } from '../../stores/room/index.js';
import { BUILT_IN_MODELS } from '../../stores/session/index.js';
import type { SettingsProblem } from '../../stores/room/index.js';
import { LogRetentionField } from './LogRetentionField.js';
import type { LogStats } from './LogRetentionField.js';
import { AgentInstallHint } from '../session/AgentInstallHint.js';
import { ModelOrderList } from './ModelOrderList.js';

export type AdminSettingsFormProps = {
  settings: HubSettings;
  agents: AgentInfo[];
  onSave: (settings: HubSettings) => Promise<void>;
  /** The activity logs' size (`logs.stats`), shown with the retention; absent or null while unknown. */
  logStats?: LogStats | null;
};

type SaveState = { type: 'idle' } | { type: 'saving' } | { type: 'saved' } | { type: 'failed'; message: string };

/** The hub's admin settings as a form: validated on every change, saved with one button. */
export function AdminSettingsForm({ settings, agents, onSave, logStats = null }: AdminSettingsFormProps) {
  const [draft, setDraft] = useState(settings);
  const [base, setBase] = useState(settings);
  const [save, setSave] = useState<SaveState>({ type: 'idle' });
  const dirty = draft !== base;
  // Settings changed elsewhere (another admin tab): take them unless this form has unsaved edits.
  if (settings !== base && !dirty) {
    setBase(settings);
    setDraft(settings);
  }
  const problems = useMemo(() => validateHubSettings(draft, agents.map((agent) => agent.id)), [draft, agents]);
  const problemOf = (field: SettingsProblem['field']) => problems.filter((problem) => problem.field === field).map((problem) => problem.message).join(' ');
  const update = (patch: Partial<HubSettings>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSave({ type: 'idle' });
  };
  // Until Codex has run once it has reported no models: suggest the built-in list, as the modal does.
  const reportedModels = selectAgentModels(agents.find((agent) => agent.id === 'codex'));
  const codexModels = reportedModels.length > 0 ? reportedModels : BUILT_IN_MODELS.map((choice) => choice.value);

  const submit = async () => {
    setSave({ type: 'saving' });
    try {
      await onSave(draft);
      setBase(draft);
      setSave({ type: 'saved' });
    } catch (error) {
      setSave({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const item = (field: keyof HubSettings, label: string, id: string) => ({
    label,
    htmlFor: id,
    validateStatus: problemOf(field) ? ('error' as const) : undefined,
    help: problemOf(field) || undefined,
  });

  return (
    <Form layout="vertical" component="div" style={{ maxWidth: 640 }}>
      <Form.Item {...item('codex_enabled', 'Enable Codex', 'admin-codex-enabled')}>
        <Switch id="admin-codex-enabled" checked={draft.codex_enabled} onChange={(checked) => update({ codex_enabled: checked })} />
      </Form.Item>
      <Form.Item {...item('codex_default_models', 'Models offered (in order)', 'admin-models')}>
        <ModelOrderList id="admin-models" value={draft.codex_default_models} suggestions={codexModels} onChange={(models) => update({ codex_default_models: models })} />
      </Form.Item>
      <Form.Item {...item('codex_allow_user_tokens', 'Allow users to enter their own API keys', 'admin-user-tokens')}>
        <Switch id="admin-user-tokens" checked={draft.codex_allow_user_tokens} onChange={(checked) => update({ codex_allow_user_tokens: checked })} />
      </Form.Item>
      <Form.Item
        {...item('codex_gateway_url', 'Site model gateway for Codex (OpenAI-compatible base URL)', 'admin-gateway-url')}
        extra={problemOf('codex_gateway_url') ? undefined : 'Empty: Codex talks to OpenAI. Set: Codex signs in to this gateway, with the Codex key (the user\'s own, else the site key) as its Bearer token.'}
      >
        <Input
          id="admin-gateway-url"
          placeholder="https://llm.example.com/v1"
          value={draft.codex_gateway_url ?? ''}
          onChange={(event) => update({ codex_gateway_url: event.target.value.trim() })}
        />
      </Form.Item>
      <Form.Item {...item('enabled_agents', 'Enabled agents', 'admin-enabled-agents')}>
        <Checkbox.Group
          aria-label="Enabled agents"
          value={draft.enabled_agents}
          onChange={(values) => update({ enabled_agents: values as string[] })}
          options={agents.map((agent) => ({
            value: agent.id,
            label: (
              <span>
                {agent.label} {agent.demo && <Tag>Demo</Tag>}
                {!agent.installed && <Tag color="orange">not installed</Tag>}
                {!agent.installed && draft.enabled_agents.includes(agent.id) && (
                  <div className="cc-muted">
                    <AgentInstallHint agent={agent} />
                  </div>
                )}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item {...item('default_agent', 'Default agent', 'admin-default-agent')}>
        <Select
          id="admin-default-agent"
          value={draft.default_agent}
          onChange={(value: string) => update({ default_agent: value })}
          options={agents.map((agent) => ({ value: agent.id, label: agent.label }))}
        />
      </Form.Item>
      <Form.Item {...item('permission_timeout_ms', 'Permission timeout (seconds)', 'admin-permission-timeout')}>
        <InputNumber
          id="admin-permission-timeout"
          min={0}
          value={Math.round(draft.permission_timeout_ms / 1000)}
          onChange={(seconds) => update({ permission_timeout_ms: typeof seconds === 'number' ? seconds * 1000 : Number.NaN })}
        />
      </Form.Item>
      <Form.Item {...item('log_retention_days', 'Delete old activity logs', 'admin-log-retention')}>
        <LogRetentionField value={draft.log_retention_days} onChange={(days) => update({ log_retention_days: days })} stats={logStats} />
      </Form.Item>
      {problemOf('form') && <Alert type="error" showIcon title={problemOf('form')} />}
      <Flex gap={8} align="center">
        <Button type="primary" onClick={submit} disabled={!dirty || problems.length > 0} loading={save.type === 'saving'}>
          Save settings
        </Button>
        <Button onClick={() => setDraft(base)} disabled={!dirty}>
          Discard changes
        </Button>
        {save.type === 'saved' && <span role="status">Saved.</span>}
        {save.type === 'failed' && <Alert type="error" showIcon role="alert" title={`Could not save: ${save.message}`} />}
      </Flex>
    </Form>
  );
}
