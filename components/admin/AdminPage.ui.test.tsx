import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_SETTINGS } from '../../src/protocol/index.js';
import type { AgentInfo, HubSettings } from '../../src/protocol/index.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { AdminPage } from './AdminPage.js';

const DEMO: AgentInfo = { id: 'demo', label: 'Demo agent', demo: true, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };
const CODEX: AgentInfo = { ...DEMO, id: 'codex', label: 'Codex', demo: false };

async function renderAdminPage(isAdmin: boolean) {
  let stored: HubSettings = { ...DEFAULT_HUB_SETTINGS, enabled_agents: ['demo', 'codex'] };
  // The hub's settings methods, answered in-process (jsdom tests cannot drive the page against the hub).
  const fake = createFakeAcpApi({
    'agents.list': () => ({ agents: [DEMO, CODEX] }),
    'settings.get': () => ({ settings: stored, isAdmin, accountId: 'me' }),
    'settings.set': ({ settings }) => {
      stored = { ...stored, ...settings };
      return { settings: stored };
    },
  });
  const runtime = createTestRuntime({ api: fake.api });
  const { session } = runtime;
  await session.getState().refresh();
  renderWithRuntime(<AdminPage />, runtime);
  return { fake, session, stored: () => stored };
}

describe('AdminPage', () => {
  it('saves through the session store, so every reader of it sees the new settings', async () => {
    const user = userEvent.setup();
    const { fake, session, stored } = await renderAdminPage(true);
    await user.click(screen.getByRole('switch', { name: 'Enable Codex' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(stored().codex_enabled).toBe(false));
    expect(fake.callsOf('settings.set')).toHaveLength(1);
    expect(session.getState().settings?.codex_enabled).toBe(false);
  });

  it('shows settings another admin saved (settings.change) without reload', async () => {
    const { fake } = await renderAdminPage(true);
    expect(screen.getByRole('switch', { name: 'Allow users to enter their own API keys' })).toBeChecked();
    act(() => fake.emit('settings.change', { settings: { ...DEFAULT_HUB_SETTINGS, codex_allow_user_tokens: false } }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Allow users to enter their own API keys' })).not.toBeChecked());
  });

  it('tells a non-admin they cannot change settings', async () => {
    await renderAdminPage(false);
    expect(screen.getByText("Only the hub's admin can change these settings.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
  });
});
