import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MemorySyncDB } from '../../src/index.js';
import { CodexProvider } from '../../stores/provider.js';
import { createCodexRuntime } from '../../stores/runtime/index.js';
import { ThreadSession } from './ThreadSession.js';

const ROOT = '2026-04-01T09:00:00.000Z';
const CHANGED = '2026-04-01T09:30:00.000Z';

async function renderThreadSession(config: Record<string, unknown>) {
  const syncdb = new MemorySyncDB([
    { event: 'chat', date: ROOT, sender_id: 'ann', history: [{ author_id: 'ann', content: 'fix it', date: ROOT }], schema_version: 1, acp_config: config },
  ]);
  const runtime = createCodexRuntime({ accountId: 'me', syncdb });
  await act(() => runtime.room.getState().openChat('team.chat'));
  render(
    <CodexProvider runtime={runtime}>
      <ThreadSession threadKey={String(Date.parse(ROOT))} chatFolder="." />
    </CodexProvider>,
  );
  await userEvent.click(await screen.findByRole('button', { name: /^Session settings/ }));
  return runtime;
}

describe('ThreadSession', () => {
  it('says in the session-config modal who last changed the settings, and when', async () => {
    await renderThreadSession({ agent: 'demo', changedBy: 'ann', changedAt: CHANGED });
    expect(await screen.findByText(`ann last changed these settings at ${new Date(CHANGED).toLocaleString()}.`)).toBeInTheDocument();
  });

  it('says nothing about who for a config nobody changed since the thread began', async () => {
    await renderThreadSession({ agent: 'demo' });
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(screen.queryByText(/last changed these settings/)).toBeNull();
  });
});
