import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFixtureEvents } from '../../fixtures/data/read-fixtures.js';
import { DEFAULT_HUB_SETTINGS, UNKNOWN_CAPABILITIES } from '../../src/protocol/index.js';
import type { AcpConfig, AgentInfo, HubSettings, SessionConfigOption } from '../../src/protocol/index.js';
import { SessionConfigModal } from './SessionConfigModal.js';

// The config options the real codex-acp reported on session/new (hello.jsonl).
const session = readFixtureEvents('hello').find((event) => event.type === 'session');
const CODEX_OPTIONS = (session && 'configOptions' in session ? session.configOptions : []) as SessionConfigOption[];

const agent = (id: string, label: string, fields: Partial<AgentInfo> = {}): AgentInfo => ({
  id, label, demo: false, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true, ...fields,
});
const AGENTS = [agent('demo', 'Demo', { demo: true }), agent('codex', 'Codex', { configOptions: CODEX_OPTIONS }), agent('claude', 'Claude', { enabled: false })];
const CURRENT: AcpConfig = { agent: 'codex', model: 'gpt-5.5', reasoning: 'high', sessionMode: 'read-only', workingDirectory: 'src', sessionId: 'sess-1', envHome: '/home/alice', envPath: '', options: { keep: 'me' } };

function renderModal(fields: { value?: AcpConfig | null; settings?: HubSettings; agents?: AgentInfo[]; onSave?: (config: AcpConfig) => void } = {}) {
  const onSave = fields.onSave ?? vi.fn();
  const props = { agents: fields.agents ?? AGENTS, settings: fields.settings ?? DEFAULT_HUB_SETTINGS, defaultWorkingDirectory: 'notes', currentSessionId: 'sess-1', onSave, onCancel: vi.fn() };
  const view = render(<SessionConfigModal open value={fields.value === undefined ? CURRENT : fields.value} {...props} />);
  return { ...view, onSave, props };
}

const selected = (id: string) => document.getElementById(id)?.closest('.ant-select')?.querySelector('.ant-select-content, .ant-select-selection-item')?.textContent;

async function optionsOf(id: string) {
  await userEvent.click(document.getElementById(id) as HTMLElement);
  // antd keeps closed dropdowns in the DOM: read this select's own list
  await screen.findAllByRole('listbox');
  const listbox = document.getElementById(`${id}_list`);
  expect(listbox).not.toBeNull();
  const labels = [...(listbox as HTMLElement).querySelectorAll('.ant-select-item-option-content')].map((node) => node.textContent);
  await userEvent.keyboard('{Escape}');
  return labels;
}

describe('SessionConfigModal', () => {
  it('mounts nothing (no antd Modal, no portal) before its first opening, and stays mounted after it closes', () => {
    const props = { agents: AGENTS, settings: DEFAULT_HUB_SETTINGS, defaultWorkingDirectory: 'notes', value: CURRENT, onSave: vi.fn(), onCancel: vi.fn() };
    const view = render(<SessionConfigModal open={false} {...props} />);
    expect(document.querySelector('.ant-modal-root, .ant-modal')).toBeNull();
    view.rerender(<SessionConfigModal open {...props} />);
    expect(screen.getByRole('dialog', { name: 'Agent session' })).toBeInTheDocument();
    view.rerender(<SessionConfigModal open={false} {...props} />);
    expect(document.querySelector('.ant-modal-root')).not.toBeNull();
  });

  it('shows the current values', () => {
    renderModal();
    expect(selected('cc-session-agent')).toBe('Codex');
    expect(screen.getByLabelText('Working directory')).toHaveValue('src');
    expect(screen.getByLabelText('Session id')).toHaveValue('sess-1');
    expect(screen.getByText('Current session: sess-1')).toBeInTheDocument();
    expect(selected('cc-session-model')).toBe('5.5');
    expect(selected('cc-session-reasoning')).toBe('High');
    expect(screen.getByRole('radio', { name: /Read only/ })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByLabelText('HOME override')).toHaveValue('/home/alice');
  });

  it('offers only enabled agents, and the agent reported models filtered by the admin list', async () => {
    renderModal({ settings: { ...DEFAULT_HUB_SETTINGS, codex_default_models: ['gpt-6-astra', 'gpt-5.5', 'not-offered'] } });
    expect(await optionsOf('cc-session-agent')).toEqual(['Demo (demo, offline)', 'Codex']);
    expect(await optionsOf('cc-session-model')).toEqual(['6 Astra', '5.5']);
  });

  it('falls back to the built-in models when the agent has not reported any', async () => {
    renderModal({ value: { ...CURRENT, agent: 'demo', model: '' } });
    expect(screen.getByText(/has not reported its models yet/)).toBeInTheDocument();
    expect(await optionsOf('cc-session-model')).toEqual(['6.1 Sol', '6 Astra', '6 Luna', '5.5']);
  });

  it('offers no model or reasoning list when the agent ran and its capabilities report none', () => {
    // Ran once: its capability record says no model option and no reasoning option.
    const plain = agent('plain', 'Plain agent', { capabilities: { ...UNKNOWN_CAPABILITIES, setModel: false } });
    renderModal({ value: { ...CURRENT, agent: 'plain', model: '', reasoning: '' }, agents: [...AGENTS, plain] });
    expect(screen.getByText('This agent does not offer a model choice.')).toBeInTheDocument();
    expect(screen.getByText('This agent offers no reasoning levels.')).toBeInTheDocument();
    expect(document.getElementById('cc-session-model')).toBeDisabled();
    expect(document.getElementById('cc-session-reasoning')).toBeDisabled();
  });

  it('offers the built-in models to an agent whose capabilities say it can set a model it has not listed yet', () => {
    const gemini = agent('gemini', 'Gemini', { capabilities: { ...UNKNOWN_CAPABILITIES, setModel: true } });
    renderModal({ value: { ...CURRENT, agent: 'gemini', model: '', reasoning: '' }, agents: [...AGENTS, gemini] });
    expect(document.getElementById('cc-session-model')).not.toBeDisabled();
    expect(screen.queryByText('This agent does not offer a model choice.')).toBeNull();
  });

  it('starts a new thread in the chat folder with the default agent', () => {
    renderModal({ value: null, settings: { ...DEFAULT_HUB_SETTINGS, default_agent: 'codex' } });
    expect(screen.getByLabelText('Working directory')).toHaveValue('notes');
    expect(selected('cc-session-agent')).toBe('Codex');
    expect(screen.getByRole('radio', { name: /Workspace write/ })).toHaveAttribute('aria-checked', 'true');
  });

  it('explains every invalid field and saves only once they are fixed', async () => {
    const { onSave } = renderModal();
    const cwd = screen.getByLabelText('Working directory');
    await userEvent.clear(cwd);
    await userEvent.type(cwd, 'src/../../etc');
    await userEvent.clear(screen.getByLabelText('Session id'));
    await userEvent.type(screen.getByLabelText('Session id'), 'bad id!');
    await userEvent.clear(screen.getByLabelText('HOME override'));
    await userEvent.type(screen.getByLabelText('HOME override'), 'relative/home');
    await userEvent.type(screen.getByLabelText('PATH override'), '/usr/bin:bin');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText(/must stay inside the workspace/)).toBeInTheDocument();
    expect(screen.getByText(/A session id has only letters/)).toBeInTheDocument();
    expect(screen.getByText(/HOME must be an absolute path/)).toBeInTheDocument();
    expect(screen.getByText(/PATH must be absolute folders/)).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.clear(cwd);
    await userEvent.type(cwd, 'src/app');
    await userEvent.clear(screen.getByLabelText('Session id'));
    await userEvent.clear(screen.getByLabelText('HOME override'));
    await userEvent.clear(screen.getByLabelText('PATH override'));
    await userEvent.click(screen.getByRole('radio', { name: /Full access/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ ...CURRENT, workingDirectory: 'src/app', sessionId: '', envHome: '', envPath: '', sessionMode: 'full-access' });
  });

  it('marks full access in red with a warning', () => {
    renderModal();
    const full = screen.getByRole('radio', { name: /Full access/ });
    expect(within(full).getByText(/Only for a throwaway machine/)).toBeInTheDocument();
    expect(full.style.border).toContain('rgb(207, 19, 34)');
  });

  it('reopens with the saved values, not the abandoned draft', async () => {
    const { rerender, props } = renderModal();
    await userEvent.clear(screen.getByLabelText('Working directory'));
    await userEvent.type(screen.getByLabelText('Working directory'), 'draft-only');
    rerender(<SessionConfigModal open={false} value={CURRENT} {...props} />);
    rerender(<SessionConfigModal open value={{ ...CURRENT, model: 'gpt-6-astra' }} {...props} />);
    expect(screen.getByLabelText('Working directory')).toHaveValue('src');
    expect(selected('cc-session-model')).toBe('6 Astra');
  });

  it('lists an enabled agent that is not installed as such, and does not offer it', async () => {
    const agents = [...AGENTS, agent('gemini', 'Gemini', { installed: false })];
    render(<SessionConfigModal open value={null} agents={agents} settings={DEFAULT_HUB_SETTINGS} defaultWorkingDirectory="" onSave={vi.fn()} onCancel={vi.fn()} />);
    expect(await optionsOf('cc-session-agent')).toEqual(['Demo (demo, offline)', 'Codex', 'Gemini (not installed)']);
    const gemini = [...document.querySelectorAll('.ant-select-item-option')].find((node) => node.textContent === 'Gemini (not installed)');
    expect(gemini).toHaveClass('ant-select-item-option-disabled');
  });

  it('says under the agent picker how to install an enabled agent that is missing, with the command as code', () => {
    const installHint = "Run `codex-chat agents install gemini` on the hub's machine (npm package @google/gemini-cli).";
    const agents = [...AGENTS, agent('gemini', 'Gemini', { installed: false, installHint }), agent('claude', 'Claude', { installed: false, enabled: false, installHint: 'Run `x`' })];
    render(<SessionConfigModal open value={null} agents={agents} settings={DEFAULT_HUB_SETTINGS} defaultWorkingDirectory="" onSave={vi.fn()} onCancel={vi.fn()} />);
    const help = screen.getByLabelText('Agents not installed');
    expect(help).toHaveTextContent("Gemini is not installed. Run codex-chat agents install gemini on the hub's machine");
    expect(within(help).getByText('codex-chat agents install gemini').tagName).toBe('CODE');
    expect(help).not.toHaveTextContent('Claude'); // not enabled: not offered, so not explained
  });

  it('shows no install help when every enabled agent is installed', () => {
    render(<SessionConfigModal open value={null} agents={AGENTS} settings={DEFAULT_HUB_SETTINGS} defaultWorkingDirectory="" onSave={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.queryByLabelText('Agents not installed')).not.toBeInTheDocument();
  });
});
