import { act, render, screen, waitFor } from '@testing-library/react';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, startTestHub } from '../hub/hub-test-helpers.js';
import { createTurnService } from '../hub/turns/index.js';
import { createPeopleStore } from '../index.js';
import type { AcpApi, CodexRuntime } from '../index.js';
import { App } from './App.js';
import { createAppRuntime } from './create-app-runtime.js';
import { resolveIdentity } from './hub-connection.js';

// The lite page on the real lite hub (one process, jsdom renders; the client is the Node WebSocket one).
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await act(async () => void (await cleanup()));
});

const withSizes = (ui: React.ReactElement) => <VirtuosoMockContext.Provider value={{ viewportHeight: 600, itemHeight: 60 }}>{ui}</VirtuosoMockContext.Provider>;

async function liteHub(): Promise<AcpApi> {
  // With the turn service: the page's session store loads agents.list with settings.get.
  const hub = await startTestHub({ turnService: createTurnService });
  cleanups.push(hub.dispose);
  const api = connectClient(hub);
  cleanups.push(() => api.close());
  return api;
}

describe('the lite page shows the local account by name', () => {
  it('names your messages and the header avatar with the local name (after a rename too); another id gets a short fallback', async () => {
    const api = await liteHub();
    await api.call('account.setName', { name: 'Ada Lovelace' });
    const identity = await resolveIdentity(api);
    expect(identity).toMatchObject({ mode: 'lite', accountName: 'Ada Lovelace' });
    const date = new Date().toISOString();
    const later = new Date(Date.now() + 1000).toISOString();
    const stranger = '3f2a9c1e-0000-4000-8000-123456789abc';
    await api.call('chat.create', { path: 'team.chat' });
    await api.call('chat.set', {
      path: 'team.chat',
      rows: [
        { event: 'chat', date, sender_id: identity.accountId, history: [{ author_id: identity.accountId, content: 'hello from me', date }] },
        { event: 'chat', date: later, sender_id: stranger, reply_to: date, history: [{ author_id: stranger, content: 'hello from someone', date: later }] },
      ],
    });
    const people = createPeopleStore({ api, seed: [{ accountId: identity.accountId, name: identity.accountName! }] });
    const runtime: CodexRuntime = createAppRuntime(api, identity.accountId);
    cleanups.push(() => runtime.dispose());
    render(withSizes(<App runtime={runtime} people={people} />));
    await act(() => runtime.room.getState().openChat('team.chat'));
    await act(async () => runtime.room.getState().selectThread(String(Date.parse(date))));

    // The session store learns the name with agents.list and settings.get (agents.list looks for the agents' programs).
    await screen.findByRole('article', { name: 'Message from Ada Lovelace (you)' }, { timeout: 10_000 });
    expect(screen.getByRole('button', { name: 'Your account: Ada Lovelace (change your name)' })).toBeInTheDocument();
    // findByRole is the check (the list's first rows are replaced once it is virtualized: see useTailFirst).
    await screen.findByRole('article', { name: 'Message from User 3f2a9c' });

    await act(() => runtime.session.getState().saveAccountName('Ada King'));
    await screen.findByRole('article', { name: 'Message from Ada King (you)' });
  });

  it('people.get of the real lite hub names the local account, and the store asks once per id, in one batch', async () => {
    const api = await liteHub();
    await api.call('account.setName', { name: 'Grace Hopper' });
    const { accountId } = await resolveIdentity(api);
    const asked: string[][] = [];
    const counting: AcpApi = { ...api, call: (method, params, options) => (method === 'people.get' && asked.push([...(params as { accountIds: string[] }).accountIds]), api.call(method, params, options)) };
    const people = createPeopleStore({ api: counting });
    people.getState().request([accountId, 'nobody']);
    people.getState().request([accountId]);
    await waitFor(() => expect(people.getState().names[accountId]).toBe('Grace Hopper'));
    people.getState().request([accountId, 'nobody']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual([[accountId, 'nobody']]);
    expect(people.getState().names).toEqual({ [accountId]: 'Grace Hopper' });
  });
});
