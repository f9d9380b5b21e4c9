import { useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import type { AcpConfig, AgentInfo, HubSettings, SessionConfigOption, SessionMode } from '../../src/protocol/index.js';
import { selectSessionChoices, validateSessionConfig } from '../../stores/session/index.js';
import type { SessionChoices, SessionConfigProblems } from '../../stores/session/index.js';
import { NotInstalledAgents } from './AgentInstallHint.js';
import { ExecutionModeCards } from './ExecutionModeCards.js';

export type SessionConfigFormProps = {
  agents: readonly AgentInfo[];
  settings: HubSettings | null;
  /** The thread's saved config; null for a new thread. */
  value: AcpConfig | null;
  /** The chat file's folder (workspace-relative): the default working directory. */
  defaultWorkingDirectory: string;
  /** Config options the thread's agent reported most recently (its latest turn), if any. */
  reportedOptions?: readonly SessionConfigOption[];
  currentSessionId?: string | null;
  onSave: (config: AcpConfig) => void | Promise<void>;
  onCancel: () => void;
};

function initialDraft({ value, agents, settings, defaultWorkingDirectory }: SessionConfigFormProps): AcpConfig {
  const enabled = agents.filter((agent) => agent.enabled);
  const agent = value?.agent || enabled.find((each) => each.id === settings?.default_agent)?.id || enabled[0]?.id || '';
  return { sessionMode: 'workspace-write', ...value, agent, workingDirectory: value?.workingDirectory || defaultWorkingDirectory || '.' };
}

/** The fields of the session-config modal with validation; `onSave` gets the full config. */
export function SessionConfigForm(props: SessionConfigFormProps) {
  const { agents, settings, reportedOptions, currentSessionId, onSave, onCancel } = props;
  const [draft, setDraft] = useState<AcpConfig>(() => initialDraft(props));
  const [problems, setProblems] = useState<SessionConfigProblems>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const enabled = agents.filter((agent) => agent.enabled);
  const agent = agents.find((each) => each.id === draft.agent);
  const sameAgent = props.value?.agent === draft.agent;
  const choices = selectSessionChoices(agent, settings, sameAgent ? reportedOptions : undefined);
  const set = (patch: Partial<AcpConfig>) => setDraft((current) => ({ ...current, ...patch }));
  const status = (field: keyof SessionConfigProblems) => (problems[field] ? { validateStatus: 'error' as const, help: problems[field] } : {});

  const save = async () => {
    const found = validateSessionConfig(draft, agents);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      await onSave(draft);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" onFinish={() => void save()} component="div">
      <Form.Item label="Agent" htmlFor="cc-session-agent" extra={<NotInstalledAgents agents={enabled} />} {...status('agent')}>
        <Select id="cc-session-agent" virtual={false} value={draft.agent || undefined} placeholder="Choose an agent" onChange={(agentId: string) => set({ agent: agentId, model: '', reasoning: '' })}
          options={enabled.map((each) => ({ value: each.id, label: agentOptionLabel(each), disabled: !each.installed && each.id !== draft.agent }))} />
      </Form.Item>
      <Form.Item label="Working directory" htmlFor="cc-session-cwd" extra="A folder inside the workspace, relative to its root." {...status('workingDirectory')}>
        <Input id="cc-session-cwd" value={draft.workingDirectory} onChange={(event) => set({ workingDirectory: event.target.value })} />
      </Form.Item>
      <Form.Item label="Session id" htmlFor="cc-session-id" extra={currentSessionId ? `Current session: ${currentSessionId}` : 'Blank starts a new session.'} {...status('sessionId')}>
        <Input id="cc-session-id" value={draft.sessionId ?? ''} placeholder="blank = new session" onChange={(event) => set({ sessionId: event.target.value })} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item label="Model" htmlFor="cc-session-model" style={{ flex: 1 }} extra={modelNote(choices)} {...status('model')}>
          <Select id="cc-session-model" virtual={false} allowClear disabled={!choices.modelChoice} placeholder="agent default" value={draft.model || undefined} onChange={(model?: string) => set({ model: model ?? '' })}
            options={choices.models.map((choice) => ({ value: choice.value, label: choice.name, title: choice.description ?? choice.name }))} />
        </Form.Item>
        <Form.Item label="Reasoning effort" htmlFor="cc-session-reasoning" style={{ flex: 1 }} extra={choices.reasoningChoice ? undefined : 'This agent offers no reasoning levels.'}>
          <Select id="cc-session-reasoning" virtual={false} allowClear disabled={!choices.reasoningChoice} placeholder="agent default" value={draft.reasoning || undefined} onChange={(reasoning?: string) => set({ reasoning: reasoning ?? '' })}
            options={choices.reasoning.map((choice) => ({ value: choice.value, label: choice.name }))} />
        </Form.Item>
      </div>
      <Form.Item label="Execution mode">
        <ExecutionModeCards value={draft.sessionMode ?? ''} onChange={(sessionMode: SessionMode) => set({ sessionMode })} sandboxProblem={agent?.sandbox?.available === false ? (agent.sandbox.reason ?? 'not available') : undefined} />
      </Form.Item>
      <details open={Boolean(problems.envHome || problems.envPath || draft.envHome || draft.envPath)}>
        <summary>Advanced</summary>
        <Form.Item label="HOME override" htmlFor="cc-session-home" {...status('envHome')}>
          <Input id="cc-session-home" value={draft.envHome ?? ''} placeholder="default" onChange={(event) => set({ envHome: event.target.value })} />
        </Form.Item>
        <Form.Item label="PATH override" htmlFor="cc-session-path" {...status('envPath')}>
          <Input id="cc-session-path" value={draft.envPath ?? ''} placeholder="default" onChange={(event) => set({ envPath: event.target.value })} />
        </Form.Item>
      </details>
      {saveError ? <Alert type="error" showIcon title={`Could not save: ${saveError}`} /> : null}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 12 }}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          Save
        </Button>
      </div>
    </Form>
  );
}

/** An agent as the modal lists it; one the hub cannot start is shown, but not offered. */
/** Under the model list: why there is no choice, or that the list is not the agent's own yet. */
function modelNote(choices: SessionChoices): string | undefined {
  if (!choices.modelChoice) return 'This agent does not offer a model choice.';
  return choices.reported ? undefined : 'The agent has not reported its models yet; showing the usual ones.';
}

function agentOptionLabel(agent: AgentInfo): string {
  if (agent.demo) return `${agent.label} (demo, offline)`;
  return agent.installed ? agent.label : `${agent.label} (not installed)`;
}
