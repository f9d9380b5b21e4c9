import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_SETTINGS, type AgentInfo } from '../../src/protocol/index.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { AgentCredentialsPanel } from './AgentCredentialsPanel.js';
import { fakeCredentialsHandlers } from '../../stores/hooks/testing/fake-credentials.js';

const CODEX: AgentInfo = { id: 'codex', label: 'Codex', demo: false, installed: true, signedIn: null, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };
const CLAUDE: AgentInfo = { ...CODEX, id: 'claude', label: 'Claude' };
const KEY = 'sk-typed-0123456789';

function renderPanel(options: Parameters<typeof fakeCredentialsHandlers>[0] = {}, allowUserKeys = true) {
  const credentials = fakeCredentialsHandlers(options);
  const fake = createFakeAcpApi(credentials.handlers);
  const runtime = createTestRuntime({ api: fake.api, seed: { agents: [CODEX, CLAUDE], settings: { ...DEFAULT_HUB_SETTINGS, codex_allow_user_tokens: allowUserKeys } } });
  renderWithRuntime(<AgentCredentialsPanel />, runtime);
  return { fake, credentials };
}
const row = async (label: string) => within(await screen.findByRole('region', { name: label }));

describe('AgentCredentialsPanel', () => {
  it('connects Codex with a password field; afterwards the row says Connected and the key is nowhere on the page', async () => {
    const user = userEvent.setup();
    const { fake, credentials } = renderPanel();
    const codex = await row('Codex');
    expect(codex.getByText('Turns you start with Codex fail until you connect it.')).toBeInTheDocument();
    await user.click(codex.getByRole('button', { name: 'Connect Codex' }));
    const input = codex.getByLabelText('Codex API key');
    expect(input).toHaveAttribute('type', 'password');
    await user.type(input, `${KEY}  `);
    await user.click(codex.getByRole('button', { name: 'Connect Codex' }));
    await waitFor(() => expect(codex.getByText('Connected · saved 2026-11-30')).toBeInTheDocument());
    expect(fake.callsOf('credentials.set')).toEqual([{ agent: 'codex', apiKey: KEY }]);
    expect(credentials.user.get('codex')).toBe(KEY);
    expect(codex.getByText('Your turns with Codex use your key.')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(KEY);
  });

  it('a connected agent offers Replace (an empty field, never the stored key) and Disconnect', async () => {
    const user = userEvent.setup();
    const { fake } = renderPanel({ userKeys: { codex: 'sk-stored-abcdefgh' }, siteKeysSet: { codex: 'sk-site-abcdefgh' } });
    const codex = await row('Codex');
    await user.click(codex.getByRole('button', { name: 'Replace' }));
    expect(codex.getByLabelText('Codex API key')).toHaveValue('');
    await user.click(codex.getByRole('button', { name: 'Cancel' }));
    await user.click(codex.getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(codex.getByText('Not connected')).toBeInTheDocument());
    expect(fake.callsOf('credentials.clear')).toEqual([{ agent: 'codex' }]);
    expect(codex.getByText("Your turns with Codex use the site's key.")).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('sk-stored-abcdefgh');
  });

  it("shows the hub's refusal under the field and keeps the typed key for a retry; an empty field is refused first", async () => {
    const user = userEvent.setup();
    const { fake } = renderPanel({ refuseWith: 'credentials.set: the API key is too short (at least 8 characters).' });
    const claude = await row('Claude');
    await user.click(claude.getByRole('button', { name: 'Connect Claude' }));
    await user.click(claude.getByRole('button', { name: 'Connect Claude' }));
    expect(claude.getByText('Paste the API key first.')).toBeInTheDocument();
    expect(fake.callsOf('credentials.set')).toEqual([]);
    await user.type(claude.getByLabelText('Claude API key'), 'sk-1');
    await user.click(claude.getByRole('button', { name: 'Connect Claude' }));
    expect(await claude.findByText('credentials.set: the API key is too short (at least 8 characters).')).toBeInTheDocument();
    expect(claude.getByLabelText('Claude API key')).toHaveValue('sk-1');
  });

  it('when the admin does not allow user keys there is no Connect, and a stored key is said to be unused', async () => {
    renderPanel({ userKeys: { claude: 'sk-stored-abcdefgh' } }, false);
    const codex = await row('Codex');
    expect(codex.queryByRole('button', { name: 'Connect Codex' })).toBeNull();
    expect(codex.getByText('The admin does not allow user keys.')).toBeInTheDocument();
    const claude = await row('Claude');
    expect(claude.getByText('The admin does not allow user keys: your key is not used.')).toBeInTheDocument();
    expect(claude.queryByRole('button', { name: 'Replace' })).toBeNull();
  });
});
