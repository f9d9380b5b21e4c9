import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChatFileInfo } from '../../src/protocol/index.js';
import { setupRoom } from '../../stores/room/testing/render-room.js';
import { FIRST_CHAT_PATH, WelcomePane } from './WelcomePane.js';

/** A room with no chat open, on a workspace holding `initial` chat files. */
async function setup(initial: ChatFileInfo[]) {
  const files = [...initial];
  const setup = await setupRoom({
    open: false,
    handlers: {
      'chat.list': () => ({ files: [...files] }),
      'chat.create': ({ path }) => {
        files.push({ path, size: 0, modifiedAt: '2026-01-01T00:00:00.000Z' });
        return { path };
      },
    },
  });
  setup.renderInRoom(<WelcomePane />);
  return setup;
}

describe('WelcomePane', () => {
  it('offers a fresh workspace its first chat in one click, and opens it', async () => {
    const { room, fake } = await setup([]);
    await userEvent.click(await screen.findByRole('button', { name: new RegExp(`Create ${FIRST_CHAT_PATH}`) }));
    await waitFor(() => expect(room.getState().chat?.path).toBe(FIRST_CHAT_PATH));
    expect(fake.callsOf('chat.create')).toEqual([{ path: FIRST_CHAT_PATH }]);
  });

  it('lists the existing chats to open when none is open', async () => {
    const { room } = await setup([{ path: 'notes/a.chat', size: 1, modifiedAt: '2026-01-01T00:00:00.000Z' }]);
    await userEvent.click(await screen.findByRole('button', { name: 'notes/a.chat' }));
    await waitFor(() => expect(room.getState().chat?.path).toBe('notes/a.chat'));
    expect(screen.queryByRole('button', { name: /Create / })).toBeNull();
  });
});
