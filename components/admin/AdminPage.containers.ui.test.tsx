import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_SETTINGS, type AgentInfo, type ContainerSettingsInfo } from '../../src/protocol/index.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { fakeCredentialsHandlers } from '../../stores/hooks/testing/fake-credentials.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { AdminPage } from './AdminPage.js';

const DEMO: AgentInfo = { id: 'demo', label: 'Demo agent', demo: true, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };

function renderAdmin(containers: ContainerSettingsInfo | undefined, isAdmin = true) {
  const fake = createFakeAcpApi({
    ...fakeCredentialsHandlers({ siteKeys: false }).handlers,
    'settings.get': () => ({ settings: DEFAULT_HUB_SETTINGS, isAdmin, accountId: 'me', ...(containers ? { containers } : {}) }),
  });
  const runtime = createTestRuntime({ api: fake.api, seed: { agents: [DEMO], settings: DEFAULT_HUB_SETTINGS, isAdmin } });
  renderWithRuntime(<AdminPage />, runtime);
  return fake;
}

describe('AdminPage: project containers', () => {
  it("shows the hub's container settings read-only: mode, root, network, limits, idle stop", async () => {
    renderAdmin({ mode: 'podman', rootfs: '/srv/root', network: 'host-loopback', memory: '1g', pids: 256, cpus: 1, idleStopSeconds: 600 });
    const card = within(await screen.findByRole('region', { name: 'Project containers' }));
    for (const text of ['podman', '/srv/root', "On, with the host's loopback as 10.0.2.2", '1g', '256', '10 min']) expect(card.getByText(text)).toBeInTheDocument();
    expect(card.queryByRole('textbox')).toBeNull();
    expect(card.queryByRole('button')).toBeNull();
  });

  it('says loudly when agents run on the host (--sandbox none)', async () => {
    renderAdmin({ mode: 'none' });
    const card = within(await screen.findByRole('region', { name: 'Project containers' }));
    expect(card.getByText(/Agents run on the host \(--sandbox none\)/)).toBeInTheDocument();
  });

  it('shows no container section when the hub does not say (lite on the host)', async () => {
    const fake = renderAdmin(undefined);
    await waitFor(() => expect(fake.callsOf('settings.get')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Project containers' })).toBeNull();
  });

  it('a non-admin page does not ask', async () => {
    const fake = renderAdmin({ mode: 'none' }, false);
    expect(await screen.findByText("Only the hub's admin can change these settings.")).toBeInTheDocument();
    expect(fake.callsOf('settings.get')).toHaveLength(0);
  });
});
