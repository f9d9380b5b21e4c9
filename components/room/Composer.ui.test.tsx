import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ContentBlock } from '../../src/protocol/index.js';
import { selectThreadMessages } from '../../stores/chat/index.js';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { ThreadComposer } from './ThreadComposer.js';
import { CodexThread } from '../thread/CodexThread.js';
import { ChatRoom } from './ChatRoom.js';

const ROOT = isoAgo(60_000);
const THREAD = String(Date.parse(ROOT));
const textsOf = (chat: Awaited<ReturnType<typeof setupRoom>>['chat']) => selectThreadMessages(chat.getState(), THREAD).map((message) => message.history[0].content);

describe('Composer', () => {
  it('sends on Enter and inserts a newline on Shift+Enter', async () => {
    const user = userEvent.setup();
    const { renderInRoom, chat } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'root')] });
    renderInRoom(<ThreadComposer threadKey={THREAD} />);
    const box = screen.getByRole('combobox', { name: 'Message' });
    await user.type(box, 'first line{Shift>}{Enter}{/Shift}second line');
    expect(box).toHaveValue('first line\nsecond line');
    expect(textsOf(chat)).toEqual(['root']);
    await user.type(box, '{Enter}');
    expect(textsOf(chat)).toEqual(['root', 'first line\nsecond line']);
    expect(box).toHaveValue('');
  });

  it('does not bring back a new thread\'s first message as a draft when Enter comes right after typing', async () => {
    const { renderInRoom, room, syncdb } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'root')] });
    renderInRoom(<ChatRoom />);
    const box = screen.getByRole('combobox', { name: 'Message' });
    // Typed and sent well within the draft's save delay: nothing was saved before the send.
    fireEvent.change(box, { target: { value: 'quick first message' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(room.getState().selectedThreadKey).not.toBeNull());
    act(() => room.getState().selectThread(null));
    expect(screen.getByRole('combobox', { name: 'Message' })).toHaveValue('');
    expect(syncdb.get().filter((row) => row.event === 'draft' && row.input)).toEqual([]);
  });

  it('saves the draft in the document and shows it again after a reload', async () => {
    const user = userEvent.setup();
    const { renderInRoom, syncdb } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'root')] });
    const view = renderInRoom(<ThreadComposer threadKey={THREAD} />);
    await user.type(screen.getByRole('combobox', { name: 'Message' }), 'half a thought');
    await waitFor(() => expect(syncdb.get_one({ event: 'draft', sender_id: ACCOUNT, date: -Number(THREAD) })?.input).toBe('half a thought'));
    view.unmount();
    renderInRoom(<ThreadComposer threadKey={THREAD} />);
    expect(screen.getByRole('combobox', { name: 'Message' })).toHaveValue('half a thought');
  });

  it('takes a draft typed in another tab and says so', async () => {
    const { renderInRoom, chat } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'root')] });
    renderInRoom(<ThreadComposer threadKey={THREAD} />);
    act(() => chat.actions.setDraft(THREAD, 'from the other tab'));
    expect(screen.getByRole('combobox', { name: 'Message' })).toHaveValue('from the other tab');
    expect(screen.getByRole('status')).toHaveTextContent('Typing in another tab');
  });

  it('sends a pasted image as an image block and notes it in the message', async () => {
    const user = userEvent.setup();
    const { renderInRoom, chat, fake } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'root', { acp_config: { agent: 'demo' } })] });
    renderInRoom(<ThreadComposer threadKey={THREAD} />);
    const box = screen.getByRole('combobox', { name: 'Message' });
    const image = new File([new Uint8Array([137, 80, 78, 71])], 'shot.png', { type: 'image/png' });
    fireEvent.paste(box, { clipboardData: { files: [image], getData: () => '' } });
    expect(await screen.findByText('shot.png (1 KB)')).toBeInTheDocument();
    await user.type(box, 'what is this?{Enter}');
    await waitFor(() => expect(fake.callsOf('turn.send')).toHaveLength(1));
    const [call] = fake.callsOf('turn.send') as Array<{ prompt: ContentBlock[] }>;
    expect(call.prompt).toEqual([
      { type: 'text', text: 'what is this?' },
      { type: 'image', mimeType: 'image/png', data: 'iVBORw==' },
    ]);
    expect(textsOf(chat)[1]).toBe('what is this?\n\n- attached image: shot.png (1 KB)');
    expect(screen.queryByText('shot.png (1 KB)')).toBeNull();
  });

  it('refuses a pasted image when the thread agent does not accept images', async () => {
    const { renderInRoom, stores } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'root', { acp_config: { agent: 'demo' } })] });
    act(() => stores.session.setState((draft) => void (draft.agents = [{ ...draft.agents![0], acceptsImages: false }])));
    renderInRoom(<CodexThread threadKey={THREAD} path="work/a.chat" />);
    const image = new File([new Uint8Array([137, 80, 78, 71])], 'shot.png', { type: 'image/png' });
    fireEvent.paste(screen.getByRole('combobox', { name: 'Message' }), { clipboardData: { files: [image], getData: () => '' } });
    expect(await screen.findByText('This agent does not accept images.')).toBeInTheDocument();
    expect(screen.queryByText('shot.png (1 KB)')).toBeNull();
  });

  it('mentions a workspace file picked from the @ list by keyboard', async () => {
    const user = userEvent.setup();
    const { renderInRoom, fake } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'root', { acp_config: { agent: 'demo' } })] });
    renderInRoom(<ThreadComposer threadKey={THREAD} />);
    const box = screen.getByRole('combobox', { name: 'Message' });
    await user.type(box, 'read @src/r');
    const list = await screen.findByRole('listbox', { name: 'Workspace files' });
    expect(list).toHaveTextContent('src/room.ts');
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('read @src/room.ts ');
    await user.keyboard('now{Enter}');
    await waitFor(() => expect(fake.callsOf('turn.send')).toHaveLength(1));
    const [call] = fake.callsOf('turn.send') as Array<{ prompt: ContentBlock[] }>;
    expect(call.prompt).toContainEqual({ type: 'resource_link', name: 'src/room.ts', uri: 'src/room.ts' });
  });

  it('offers the agent slash commands of the latest turn when / is typed first', async () => {
    const user = userEvent.setup();
    const { renderInRoom, stores } = await setupRoom({
      rows: [chatRow(ROOT, ACCOUNT, 'root', { acp_config: { agent: 'demo' } }), chatRow(isoAgo(50_000), 'demo', 'done', { reply_to: ROOT, acp_account_id: ACCOUNT, acp_turn: { id: 'turn-a', state: 'completed' } })],
    });
    stores.turns.getState().ingestEvents('turn-a', [
      { seq: 0, t: 1, type: 'update', update: { sessionUpdate: 'available_commands_update', availableCommands: [{ name: 'review', description: 'Review changes', input: null }, { name: 'status', description: 'Show status', input: null }] } },
    ]);
    renderInRoom(<ThreadComposer threadKey={THREAD} />);
    const box = screen.getByRole('combobox', { name: 'Message' });
    await user.type(box, '/st');
    const list = await screen.findByRole('listbox', { name: 'Slash commands' });
    expect(list).toHaveTextContent('/status');
    expect(list).not.toHaveTextContent('/review');
    await user.keyboard('{Tab}');
    expect(box).toHaveValue('/status ');
    await user.keyboard('{Escape}');
  });
});
