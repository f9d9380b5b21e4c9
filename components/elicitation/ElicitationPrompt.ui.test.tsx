import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AgentInfo, ElicitationRequest } from '../../src/protocol/index.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { ElicitationPrompt } from './ElicitationPrompt.js';

const CODEX: AgentInfo = { id: 'codex', label: 'Codex', demo: false, installed: true, signedIn: false, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };
const REQUEST: ElicitationRequest = { elicitationId: 'elicitation-1', turnId: 'turn-1', agent: 'codex', message: 'Sign in to ChatGPT and enter this code: ABCD-1234', url: 'https://auth.openai.com/codex/device', code: 'ABCD-1234' };

function setup() {
  const fake = createFakeAcpApi({ 'elicitation.respond': () => ({}) });
  renderWithRuntime(<ElicitationPrompt />, createTestRuntime({ api: fake.api, seed: { agents: [CODEX] } }));
  const ask = (request: ElicitationRequest) => act(() => fake.emit('elicitation.request', request));
  return { fake, ask };
}

describe('ElicitationPrompt', () => {
  it('shows the page as a new-tab link and the code; opening it answers accept and waits until the hub says done', async () => {
    const user = userEvent.setup();
    const { fake, ask } = setup();
    ask(REQUEST);
    expect(await screen.findByRole('dialog', { name: 'Sign in to Codex' })).toBeInTheDocument();
    expect(screen.getByText(REQUEST.message)).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Open the sign-in page' });
    expect(link).toHaveAttribute('href', REQUEST.url);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByText('ABCD-1234')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the code' })).toBeInTheDocument();
    expect(screen.queryByText('Waiting for sign-in…')).toBeNull();

    await user.click(link);
    expect(fake.callsOf('elicitation.respond')).toEqual([{ elicitationId: 'elicitation-1', action: 'accept' }]);
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for sign-in…');
    act(() => fake.emit('elicitation.done', { elicitationId: 'elicitation-1' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('Cancel answers cancel and closes it', async () => {
    const user = userEvent.setup();
    const { fake, ask } = setup();
    ask(REQUEST);
    await screen.findByRole('dialog', { name: 'Sign in to Codex' });
    await user.click(screen.getAllByRole('button', { name: 'Cancel' })[0]);
    expect(fake.callsOf('elicitation.respond')).toEqual([{ elicitationId: 'elicitation-1', action: 'cancel' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('goes away when another tab answered (elicitation.done), without answering itself', async () => {
    const { fake, ask } = setup();
    ask(REQUEST);
    await screen.findByRole('dialog');
    act(() => fake.emit('elicitation.done', { elicitationId: 'elicitation-1' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsOf('elicitation.respond')).toEqual([]);
  });

  it('a javascript: URL is shown as text, never as a link', async () => {
    const { ask } = setup();
    ask({ ...REQUEST, url: 'javascript:alert(document.cookie)' });
    await screen.findByRole('dialog');
    expect(screen.queryByRole('link')).toBeNull();
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.getByText('javascript:alert(document.cookie)')).toBeInTheDocument();
    expect(screen.getByText('This address is not a web page, so it is not offered as a link.')).toBeInTheDocument();
  });
});
