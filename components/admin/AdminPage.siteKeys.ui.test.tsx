import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_SETTINGS, type AgentInfo } from '../../src/protocol/index.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { fakeCredentialsHandlers } from '../../stores/hooks/testing/fake-credentials.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { AdminPage } from './AdminPage.js';

const DEMO: AgentInfo = { id: 'demo', label: 'Demo agent', demo: true, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };
const CODEX: AgentInfo = { ...DEMO, id: 'codex', label: 'Codex', demo: false };
const CLAUDE: AgentInfo = { ...DEMO, id: 'claude', label: 'Claude', demo: false };
const SITE_KEY = 'sk-site-typed-0123456789';

async function renderAdmin(options: Parameters<typeof fakeCredentialsHandlers>[0]) {
  const credentials = fakeCredentialsHandlers(options);
  const fake = createFakeAcpApi(credentials.handlers);
  const runtime = createTestRuntime({ api: fake.api, seed: { agents: [DEMO, CODEX, CLAUDE], settings: DEFAULT_HUB_SETTINGS, isAdmin: true } });
  renderWithRuntime(<AdminPage />, runtime);
  return { fake, credentials };
}

describe('AdminPage: site keys', () => {
  it('a set site key shows masked; Replace saves a new one (replace-only, the field starts empty); Remove sends null', async () => {
    const user = userEvent.setup();
    const { fake, credentials } = await renderAdmin({ siteKeys: true, siteKeysSet: { codex: 'sk-site-stored-abcdefgh' } });
    const codex = within(await screen.findByRole('region', { name: 'Site key of Codex' }));
    expect(codex.getByText('Site key ••••••••')).toBeInTheDocument();
    await user.click(codex.getByRole('button', { name: 'Replace' }));
    const input = codex.getByLabelText('Codex site key');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveValue('');
    await user.type(input, SITE_KEY);
    await user.click(codex.getByRole('button', { name: 'Replace site key' }));
    await waitFor(() => expect(codex.queryByLabelText('Codex site key')).toBeNull());
    expect(credentials.site.get('codex')).toBe(SITE_KEY);
    await user.click(codex.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(codex.getByText('No site key')).toBeInTheDocument());
    expect(fake.callsOf('credentials.setSite')).toEqual([
      { agent: 'codex', apiKey: SITE_KEY },
      { agent: 'codex', apiKey: null },
    ]);
    expect(document.body.innerHTML).not.toContain('sk-site');
  });

  it('an agent without a site key offers "Set site key"; a refusal is shown and nothing is saved', async () => {
    const user = userEvent.setup();
    const { credentials } = await renderAdmin({ siteKeys: true, refuseWith: 'credentials.setSite: an API key is one line of printable ASCII characters without spaces.' });
    const claude = within(await screen.findByRole('region', { name: 'Site key of Claude' }));
    expect(claude.queryByRole('button', { name: 'Remove' })).toBeNull();
    await user.click(claude.getByRole('button', { name: 'Set site key' }));
    await user.type(claude.getByLabelText('Claude site key'), 'sk-with space');
    await user.click(claude.getByRole('button', { name: 'Save site key' }));
    expect(await claude.findByText('credentials.setSite: an API key is one line of printable ASCII characters without spaces.')).toBeInTheDocument();
    expect(credentials.site.size).toBe(0);
  });

  it('a hub without site keys (lite) shows no site-key fields', async () => {
    const { fake } = await renderAdmin({ siteKeys: false });
    await waitFor(() => expect(fake.callsOf('credentials.list')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Site keys' })).toBeNull();
  });
});
