import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ChatRoom, CodexChatProvider, MemorySyncDB, RoomProvider, createCodexChatStores } from '../index.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';

describe('plugin surface', () => {
  it('embeds the chat room on a host syncdb with only what src/index.ts exports', async () => {
    const user = userEvent.setup();
    const date = new Date(Date.now() - 60_000).toISOString();
    // The host's own chat document.
    const hostDocument = new MemorySyncDB([{ event: 'chat', date, sender_id: 'host-user', history: [{ author_id: 'host-user', content: 'hello from the host', date }] }]);
    // The host's hub connection, answered in-process: jsdom cannot run the host's server.
    const fake = createFakeAcpApi({
      'agents.list': () => ({ agents: [] }),
      'settings.get': () => ({ settings: { codex_enabled: true, codex_default_models: [], codex_allow_user_tokens: true, selectable_llms: [], default_agent: 'demo', enabled_agents: ['demo'], permission_timeout_ms: 60_000 }, isAdmin: false, accountId: 'host-user' }),
      'queue.get': () => ({ queues: {} }),
    });
    const { stores, room, dispose } = createCodexChatStores({ api: fake.api, accountId: 'host-user', openDocument: async () => ({ syncdb: hostDocument, close: () => {} }) });
    await act(() => room.getState().openChat('host/thread.chat'));
    render(
      <CodexChatProvider stores={stores}>
        <RoomProvider store={room}>
          <ChatRoom />
        </RoomProvider>
      </CodexChatProvider>,
    );
    await user.click(screen.getByText('hello from the host').closest('button') as HTMLElement);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'hello from the host' })).toBeInTheDocument());
    // A message sent in the room lands in the host's document.
    await user.type(screen.getByRole('combobox', { name: 'Message' }), 'a reply{Enter}');
    await waitFor(() => expect(hostDocument.get({ event: 'chat' }).map((row) => (row.history as Array<{ content: string }>)[0].content)).toContain('a reply'));
    act(() => dispose());
  });
});
