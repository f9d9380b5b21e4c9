import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { DEFAULT_HUB_SETTINGS } from '../../src/protocol/index.js';
import type { AgentInfo } from '../../src/protocol/index.js';
import { SessionConfigModal } from './SessionConfigModal.js';

const codex = (sandbox?: AgentInfo['sandbox']): AgentInfo => ({
  id: 'codex', label: 'Codex', demo: false, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true, ...(sandbox ? { sandbox } : {}),
});

function renderModal(agent: AgentInfo) {
  render(<SessionConfigModal open value={{ agent: 'codex', sessionMode: 'workspace-write' }} agents={[agent]} settings={DEFAULT_HUB_SETTINGS} defaultWorkingDirectory="." onSave={vi.fn()} onCancel={vi.fn()} />);
}

const noteOf = (mode: RegExp) => within(screen.getByRole('radio', { name: mode })).queryByRole('note');

describe('ExecutionModeCards in the session modal: the probed sandbox fact', () => {
  it('warns on read-only and workspace-write, before the user picks, when the agent\'s sandbox cannot start here', () => {
    renderModal(codex({ available: false, reason: 'bwrap cannot create its namespaces here (bwrap: No permissions to create new namespace)' }));
    for (const mode of [/Read only/, /Workspace write/]) expect(noteOf(mode)).toHaveTextContent('Sandbox unavailable here: bwrap cannot create its namespaces here (bwrap: No permissions to create new namespace). Commands in this mode will fail.');
    expect(noteOf(/Full access/)).toBeNull();
  });

  it('shows no sandbox warning when the sandbox is available or not probed yet', () => {
    renderModal(codex({ available: true }));
    expect(screen.queryAllByRole('note')).toEqual([]);
  });
});
