import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AgentInfo } from '../../src/protocol/index.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { SignInPanel } from './SignInPanel.js';

const CODEX: AgentInfo = {
  id: 'codex', label: 'Codex', demo: false, installed: true, signedIn: false, enabled: true, configOptions: [], acceptsImages: true,
  authMethods: [
    { id: 'apikey', name: 'API key', description: 'Use an OpenAI API key', needsApiKey: true },
    { id: 'chatgpt', name: 'ChatGPT account', needsApiKey: false },
  ],
};

function renderPanel() {
  const fake = createFakeAcpApi({
    'agents.authenticate': ({ methodId }) =>
      methodId === 'apikey' ? { ok: true, message: 'Codex is connected.' } : { ok: false, url: 'https://auth.example/device', code: 'ABCD-1234' },
  });
  const stores = createTestRuntime({ api: fake.api });
  renderWithRuntime(<SignInPanel agent={CODEX} onAuthenticate={(methodId, apiKey) => stores.session.getState().authenticate('codex', methodId, apiKey)} />, stores);
  return fake;
}

describe('SignInPanel', () => {
  it('sends an API key once and clears the field', async () => {
    const fake = renderPanel();
    const method = screen.getByRole('region', { name: 'API key' });
    await userEvent.click(within(method).getByRole('button', { name: 'Save key' }));
    expect(within(method).getByText('Enter an API key first.')).toBeInTheDocument();
    await userEvent.type(within(method).getByLabelText('API key: API key'), 'sk-test-123');
    await userEvent.click(within(method).getByRole('button', { name: 'Save key' }));
    expect(await within(method).findByText('Codex is connected.')).toBeInTheDocument();
    expect(fake.callsOf('agents.authenticate')).toEqual([{ agent: 'codex', methodId: 'apikey', apiKey: 'sk-test-123' }]);
    expect(within(method).getByLabelText('API key: API key')).toHaveValue('');
  });

  it('shows the device-code link and code', async () => {
    renderPanel();
    const method = screen.getByRole('region', { name: 'ChatGPT account' });
    await userEvent.click(within(method).getByRole('button', { name: 'Sign in' }));
    expect(await within(method).findByRole('link', { name: 'Open the sign-in page' })).toHaveAttribute('href', 'https://auth.example/device');
    expect(within(method).getByLabelText('Device code')).toHaveTextContent('ABCD-1234');
  });
});
