import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VirtuosoMockContext } from 'react-virtuoso';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import type { FakeHandlers } from '../../stores/room/testing/fake-acp-api.js';
import { ChatRoom } from '../room/ChatRoom.js';
import { CodexThread } from '../thread/CodexThread.js';
import { AccountMenu } from './AccountMenu.js';

const ROOT = isoAgo(60_000);
const THREAD = String(Date.parse(ROOT));

// Virtuoso measures the DOM, which jsdom does not lay out; its test context supplies the sizes.
const withSizes = (ui: React.ReactElement) => <VirtuosoMockContext.Provider value={{ viewportHeight: 600, itemHeight: 60 }}>{ui}</VirtuosoMockContext.Provider>;
// Virtuoso keeps the list hidden until the scroll to the newest message; jsdom does not scroll.
async function settleScroll() {
  await waitFor(() => {
    const scroller = document.querySelector('[data-virtuoso-scroller]');
    if (scroller) act(() => void fireEvent.scroll(scroller));
    expect(document.querySelector('[data-testid="virtuoso-item-list"]')?.children.length).toBeGreaterThan(0);
  });
}

async function setupNamed(handlers: FakeHandlers = {}) {
  const room = await setupRoom({
    rows: [chatRow(ROOT, ACCOUNT, 'my question')],
    handlers: { 'account.setName': ({ name }) => ({ accountName: name.trim() }), ...handlers },
  });
  act(() => room.runtime.session.setState({ accountId: ACCOUNT, accountName: 'alice' }));
  return room;
}

async function openNameForm(user: ReturnType<typeof userEvent.setup>, currentName: string) {
  await user.click(screen.getByRole('button', { name: `Your account: ${currentName} (change your name)` }));
  return screen.findByRole('form', { name: 'Your name' });
}

describe('AccountMenu', () => {
  it('renames this account through the store, and every message of yours shows the new name', async () => {
    const user = userEvent.setup();
    const { renderInRoom, fake } = await setupNamed();
    renderInRoom(withSizes(<><AccountMenu /><CodexThread threadKey={THREAD} path="work/a.chat" /></>));
    await settleScroll();
    expect(screen.getAllByText('alice (you)').length).toBeGreaterThan(0);

    const form = await openNameForm(user, 'alice');
    const input = within(form).getByLabelText('Your name');
    expect(input).toHaveValue('alice');
    await user.clear(input);
    await user.type(input, '  Ada Lovelace ');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(fake.callsOf('account.setName')).toEqual([{ name: 'Ada Lovelace' }]);
    await waitFor(() => expect(screen.getAllByText('Ada Lovelace (you)').length).toBeGreaterThan(0));
    expect(screen.queryByText('alice (you)')).toBeNull();
    expect(screen.getByRole('button', { name: 'Your account: Ada Lovelace (change your name)' })).toBeInTheDocument();
  });

  it('refuses an empty or too long name with a clear error, keeps the typed text and asks nothing', async () => {
    const user = userEvent.setup();
    const { renderInRoom, fake } = await setupNamed();
    renderInRoom(<AccountMenu />);
    const form = await openNameForm(user, 'alice');
    const input = within(form).getByLabelText('Your name');

    await user.clear(input);
    await user.type(input, '   ');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Enter a name.');
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await user.clear(input);
    fireEvent.change(input, { target: { value: 'x'.repeat(81) } });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('longer than 80 characters (81)');
    expect(input).toHaveValue('x'.repeat(81));
    expect(fake.callsOf('account.setName')).toEqual([]);
  });

  it("shows the hub's refusal and keeps the old name", async () => {
    const user = userEvent.setup();
    const { renderInRoom, runtime } = await setupNamed({
      'account.setName': () => {
        // What the hub answers for a name it refuses (the client rejects with its message).
        throw new Error('account.setName: the name contains control characters');
      },
    });
    renderInRoom(<AccountMenu />);
    const form = await openNameForm(user, 'alice');
    await user.type(within(form).getByLabelText('Your name'), '!');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Could not save the name: account.setName: the name contains control characters');
    expect(runtime.session.getState().accountName).toBe('alice');
  });

  it('is in the chat room header, and absent when the hub keeps no name for this account', async () => {
    const { renderInRoom, runtime } = await setupNamed();
    renderInRoom(<ChatRoom />);
    expect(screen.getByRole('button', { name: /^Your account: alice/ })).toBeInTheDocument();
    act(() => runtime.session.setState({ accountName: null }));
    expect(screen.queryByRole('button', { name: /^Your account/ })).toBeNull();
  });
});
