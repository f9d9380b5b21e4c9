import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useRoom } from '../../stores/room/index.js';
import { setupRoom } from '../../stores/room/testing/render-room.js';
import { NewThreadPane } from './NewThreadPane.js';

/** The pane as the chat room shows it: with the config chosen for a new agent thread, if any. */
function Pane() {
  return <NewThreadPane agentConfig={useRoom((state) => state.pendingAgentConfig)} />;
}

describe('NewThreadPane', () => {
  it('offers to start an agent thread from an empty chat: modal, then the agent thread composer', async () => {
    const { renderInRoom, room } = await setupRoom();
    renderInRoom(<Pane />);
    await userEvent.click(screen.getByRole('button', { name: /Start an agent thread/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(room.getState().pendingAgentConfig?.agent).toBe('demo'));
    expect(await screen.findByRole('heading', { name: 'New agent thread' })).toBeInTheDocument();
    // the chat's folder is the workspace root's "work": shown; a root folder "." would not be
    expect(screen.getByText(/in work/)).toBeInTheDocument();
  });

  it('does not show "in ." for a thread working in the workspace root', async () => {
    const { renderInRoom } = await setupRoom();
    renderInRoom(<NewThreadPane agentConfig={{ agent: 'demo', sessionMode: 'workspace-write', workingDirectory: '.' }} />);
    expect(screen.getByText(/workspace-write/)).not.toHaveTextContent('in .');
  });
});
