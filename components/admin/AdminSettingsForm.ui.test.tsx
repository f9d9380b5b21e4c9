import { readFileSync } from 'node:fs';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_SETTINGS } from '../../src/protocol/index.js';
import type { AgentInfo, HubSettings, SessionConfigOption } from '../../src/protocol/index.js';
import { AdminSettingsForm } from './AdminSettingsForm.js';

// The Codex agent's config options as the real codex-acp reported them (recordings/hello.jsonl).
const session = JSON.parse(readFileSync('/work/shared/recordings/hello.jsonl', 'utf8').split('\n')[0]) as { configOptions: SessionConfigOption[] };
const agent = (id: string, label: string, extra: Partial<AgentInfo> = {}): AgentInfo => ({
  id,
  label,
  demo: false,
  installed: true,
  signedIn: true,
  enabled: true,
  authMethods: [],
  configOptions: [],
  acceptsImages: true,
  ...extra,
});
const AGENTS = [agent('demo', 'Demo agent', { demo: true }), agent('codex', 'Codex', { configOptions: session.configOptions }), agent('claude', 'Claude')];
const SETTINGS: HubSettings = { ...DEFAULT_HUB_SETTINGS, enabled_agents: ['demo', 'codex', 'claude'], codex_default_models: ['gpt-6-sol', 'gpt-6-luna'] };

function renderForm(settings = SETTINGS) {
  const saved: HubSettings[] = [];
  const view = render(<AdminSettingsForm settings={settings} agents={AGENTS} onSave={async (next) => void saved.push(next)} />);
  return { saved, view };
}

describe('AdminSettingsForm', () => {
  it('says how to install an enabled agent that is not installed, and stops saying it once disabled', async () => {
    const user = userEvent.setup();
    const gemini = agent('gemini', 'Gemini', { installed: false, installHint: "Run `codex-chat agents install gemini` on the hub's machine." });
    render(<AdminSettingsForm settings={{ ...SETTINGS, enabled_agents: ['demo', 'gemini'] }} agents={[...AGENTS, gemini]} onSave={async () => {}} />);
    const checkbox = screen.getByRole('checkbox', { name: /Gemini/ });
    const label = checkbox.closest('label') as HTMLElement;
    expect(label).toHaveTextContent("Gemini is not installed. Run codex-chat agents install gemini on the hub's machine.");
    expect(within(label).getByText('codex-chat agents install gemini').tagName).toBe('CODE');
    await user.click(checkbox);
    expect(label).not.toHaveTextContent('Run codex-chat');
    expect(label).toHaveTextContent('not installed'); // the tag stays
  });

  it('refuses a default agent that is not enabled, and says why', async () => {
    const user = userEvent.setup();
    renderForm({ ...SETTINGS, default_agent: 'claude' });
    await user.click(screen.getByRole('checkbox', { name: /Claude/ }));
    expect(await screen.findByText('The default agent must be one of the enabled agents.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });

  it('refuses a permission timeout below 10 seconds', async () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('Permission timeout (seconds)'), { target: { value: '5' } });
    expect(await screen.findByText(/between 10 seconds and 24 hours/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });

  it('reorders the offered models and saves the new order with the other changes', async () => {
    const user = userEvent.setup();
    const { saved } = renderForm();
    const list = screen.getByRole('list', { name: 'Offered models in order' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['gpt-6-sol(default)', 'gpt-6-luna']);
    await user.click(screen.getByRole('button', { name: 'Move gpt-6-luna up' }));
    await user.click(screen.getByRole('switch', { name: 'Allow users to enter their own API keys' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].codex_default_models).toEqual(['gpt-6-luna', 'gpt-6-sol']);
    expect(saved[0].codex_allow_user_tokens).toBe(false);
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
  });

  it('shows a save failure instead of losing the edit', async () => {
    const user = userEvent.setup();
    render(<AdminSettingsForm settings={SETTINGS} agents={AGENTS} onSave={async () => Promise.reject(new Error('not an admin'))} />);
    await user.click(screen.getByRole('switch', { name: 'Enable Codex' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save: not an admin');
    expect(screen.getByRole('switch', { name: 'Enable Codex' })).not.toBeChecked();
  });

  it('refuses Codex as default agent once Codex is disabled', async () => {
    const user = userEvent.setup();
    renderForm({ ...SETTINGS, default_agent: 'codex' });
    await user.click(screen.getByRole('switch', { name: 'Enable Codex' }));
    expect(await screen.findByText('Codex is disabled, so it cannot be the default agent.')).toBeInTheDocument();
  });

  it('takes settings changed elsewhere when it has no unsaved edits', () => {
    const { view } = renderForm();
    view.rerender(<AdminSettingsForm settings={{ ...SETTINGS, codex_enabled: false }} agents={AGENTS} onSave={async () => {}} />);
    expect(screen.getByRole('switch', { name: 'Enable Codex' })).not.toBeChecked();
  });

  it('suggests the built-in models while Codex has not reported any', async () => {
    const silentCodex = [agent('demo', 'Demo agent', { demo: true }), agent('codex', 'Codex')];
    render(<AdminSettingsForm settings={{ ...SETTINGS, codex_default_models: [] }} agents={silentCodex} onSave={async () => {}} />);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Models offered (in order)' }));
    const listbox = await screen.findByRole('listbox');
    await waitFor(() => expect(within(listbox).getAllByRole('option').length).toBeGreaterThan(0));
    expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toContain('gpt-6.1-sol');
  });
});

describe('AdminSettingsForm: activity log retention', () => {
  it('is off by default; turned on it saves the days and refuses 0', async () => {
    const user = userEvent.setup();
    const { saved } = renderForm();
    const retention = screen.getByRole('switch', { name: 'Delete old activity logs' });
    expect(retention).not.toBeChecked();
    await user.click(retention);
    const days = screen.getByRole('spinbutton', { name: 'Days to keep activity logs' });
    expect(days).toHaveValue('30');
    fireEvent.change(days, { target: { value: '0' } });
    expect(await screen.findByText(/Keep activity logs a whole number of days, 1 to 3650/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
    fireEvent.change(days, { target: { value: '14' } });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].log_retention_days).toBe(14);
  });

  it('turned off, it saves null (keep the logs)', async () => {
    const user = userEvent.setup();
    const { saved } = renderForm({ ...SETTINGS, log_retention_days: 14 });
    expect(screen.getByRole('spinbutton', { name: 'Days to keep activity logs' })).toHaveValue('14');
    await user.click(screen.getByRole('switch', { name: 'Delete old activity logs' }));
    expect(screen.getByText('Off: activity logs are kept until deleted by hand.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].log_retention_days).toBeNull();
  });

  it('shows the size of the logs it is given', () => {
    render(<AdminSettingsForm settings={SETTINGS} agents={AGENTS} onSave={async () => {}} logStats={{ bytes: 1536, turns: 2 }} />);
    expect(screen.getByText('The activity logs take 1.5 KB (2 turns).')).toBeInTheDocument();
  });
});
