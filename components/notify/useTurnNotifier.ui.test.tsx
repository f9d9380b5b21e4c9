import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CODEX_COMMAND_OPTIONS, createEventLog } from '../../fixtures/build.js';
import { selectThreadList } from '../../stores/chat/index.js';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { ChatAlerts } from '../inbox/ChatAlerts.js';
import { installFakeNotification, setVisibility } from './testing/fake-notification.js';

const HOUR = 3_600_000;
const ROOT = isoAgo(HOUR);
const AGENT_ROW = isoAgo(HOUR - 1000);

async function setup(permission: NotificationPermission = 'granted') {
  const fake = installFakeNotification(permission);
  const room = await setupRoom({
    rows: [
      chatRow(ROOT, ACCOUNT, 'Alpha thread', { acp_config: { agent: 'demo' } }),
      chatRow(AGENT_ROW, 'demo', '', { reply_to: ROOT, generating: true, acp_account_id: ACCOUNT, acp_turn: { id: 't-alpha', state: 'running' } }),
    ],
  });
  const log = createEventLog();
  room.fake.pushTurnEvent('t-alpha', log.status('running'));
  room.renderInRoom(<ChatAlerts />);
  const threadKey = selectThreadList(room.chat.getState())[0].key;
  /** The turn asks permission (as the hub logs it). */
  const askPermission = () => act(() => room.fake.pushTurnEvent('t-alpha', log.permission('p1', { toolCallId: 'c1', title: 'Run npm test', kind: 'execute' }, CODEX_COMMAND_OPTIONS)));
  /** The hub ends the turn on its agent row. */
  const endTurn = (state: 'completed' | 'failed' | 'cancelled') =>
    act(() => {
      room.syncdb.set({ event: 'chat', date: AGENT_ROW, sender_id: 'demo', generating: false, acp_turn: { id: 't-alpha', state } });
      room.syncdb.commit();
    });
  return { ...room, fake, threadKey, askPermission, endTurn };
}

beforeEach(() => {
  document.title = 'codex-chat';
  localStorage.clear();
});
afterEach(() => {
  setVisibility('visible');
  Reflect.deleteProperty(window, 'Notification');
});

describe('turn notifications', () => {
  it('asks the browser once, on the bell click, and remembers the switch both ways', async () => {
    const user = userEvent.setup();
    const { fake } = await setup('default');
    const bell = screen.getByRole('button', { name: 'Desktop notifications' });
    expect(bell).toHaveAttribute('aria-pressed', 'false');
    expect(fake.state.requests).toBe(0);
    await user.click(bell);
    expect(fake.state.requests).toBe(1);
    expect(bell).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem('codex-chat:desktop-notifications')).toBe('on');
    await user.click(bell);
    expect(bell).toHaveAttribute('aria-pressed', 'false');
    expect(localStorage.getItem('codex-chat:desktop-notifications')).toBe('off');
    await user.click(bell);
    expect(fake.state.requests).toBe(1); // already granted: not asked again
  });

  it('while hidden: notifies a waiting and a finished turn, counts them in the title, and a click opens the thread', async () => {
    localStorage.setItem('codex-chat:desktop-notifications', 'on');
    const { fake, room, askPermission, endTurn, threadKey } = await setup();
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    setVisibility('hidden');
    askPermission();
    await waitFor(() => expect(fake.shown.map((shown) => shown.title)).toEqual(['Waiting for your approval: Alpha thread']));
    expect(fake.shown[0].options?.body).toBe('Run npm test');
    expect(document.title).toBe('(1) waiting · codex-chat');
    endTurn('completed');
    await waitFor(() => expect(fake.shown.map((shown) => shown.title)).toEqual(['Waiting for your approval: Alpha thread', 'Turn finished: Alpha thread']));
    expect(document.title).toBe('(2) waiting · codex-chat');
    expect(room.getState().selectedThreadKey).toBeNull();
    act(() => fake.shown[1].onclick?.());
    expect(focus).toHaveBeenCalled();
    expect(room.getState().selectedThreadKey).toBe(threadKey);
    expect(fake.shown[1].closed).toBe(true);
    act(() => setVisibility('visible'));
    expect(document.title).toBe('codex-chat');
    focus.mockRestore();
  });

  it('says "failed" for a failed turn', async () => {
    localStorage.setItem('codex-chat:desktop-notifications', 'on');
    const first = await setup();
    setVisibility('hidden');
    first.endTurn('failed');
    await waitFor(() => expect(first.fake.shown.map((shown) => shown.title)).toEqual(['Turn failed: Alpha thread']));
    expect(document.title).toBe('(1) failed · codex-chat');
  });

  it('raises nothing for a turn cancelled on purpose', async () => {
    localStorage.setItem('codex-chat:desktop-notifications', 'on');
    const { fake, endTurn } = await setup();
    setVisibility('hidden');
    endTurn('cancelled');
    await act(async () => {});
    expect(fake.shown).toEqual([]);
    expect(document.title).toBe('codex-chat');
  });

  it('stays quiet while the page is visible', async () => {
    localStorage.setItem('codex-chat:desktop-notifications', 'on');
    const { fake, askPermission } = await setup();
    askPermission();
    await screen.findByRole('button', { name: 'Approvals: 1 waiting' });
    expect(fake.shown).toEqual([]);
    expect(document.title).toBe('codex-chat');
  });

  it('switched off: the title still counts, but no desktop notification', async () => {
    const { fake, askPermission } = await setup();
    setVisibility('hidden');
    askPermission();
    await waitFor(() => expect(document.title).toBe('(1) waiting · codex-chat'));
    expect(fake.shown).toEqual([]);
  });
});
