import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_SETTINGS } from '../../src/protocol/index.js';
import type { AgentInfo, HubSettings } from '../../src/protocol/index.js';
import { AdminSettingsForm } from './AdminSettingsForm.js';

const CODEX: AgentInfo = { id: 'codex', label: 'Codex', demo: false, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };
const SETTINGS: HubSettings = { ...DEFAULT_HUB_SETTINGS, enabled_agents: ['codex'], default_agent: 'codex' };

function renderForm(settings = SETTINGS) {
  const saved: HubSettings[] = [];
  render(<AdminSettingsForm settings={settings} agents={[CODEX]} onSave={async (next) => void saved.push(next)} />);
  return { saved, field: screen.getByLabelText('Site model gateway for Codex (OpenAI-compatible base URL)') };
}

describe('AdminSettingsForm: the site model gateway', () => {
  it('saves the gateway URL', async () => {
    const user = userEvent.setup();
    const { saved, field } = renderForm();
    expect(field).toHaveValue('');
    fireEvent.change(field, { target: { value: ' https://llm.example.com/v1 ' } });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].codex_gateway_url).toBe('https://llm.example.com/v1');
  });

  it('refuses an address that is not http(s), and says why', async () => {
    const { field } = renderForm({ ...SETTINGS, codex_gateway_url: 'https://llm.example.com/v1' });
    expect(field).toHaveValue('https://llm.example.com/v1');
    fireEvent.change(field, { target: { value: 'javascript:alert(1)' } });
    expect(await screen.findByText(/the gateway URL must be an http:\/\/ or https:\/\/ URL/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });
});
