import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPeopleStore } from '../index.js';
import type { AcpApiParams, Person, ProjectInfo, Row } from '../index.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import type { HubIdentity } from './hub-connection.js';
import { MultiuserApp } from './MultiuserApp.js';
import { createProjectRuntimes, type ProjectRuntimes } from './project-runtimes.js';

// The multiuser page against a stand-in of the multiuser hub's acp-api (the real multiuser hub is
// being built by another engineer; switch this to it when startMultiuserHub lands). The stand-in
// answers per project, so the test sees which project each call named.

const ME = 'c3333333-0000-4000-8000-000000000003';
const ANN = 'a1111111-0000-4000-8000-000000000001';
const PEOPLE: Person[] = [{ accountId: ANN, name: 'Ann Archer' }];
const PROJECTS: ProjectInfo[] = [
  { id: 'alpha', name: 'Alpha', role: 'collaborator', createdAt: '2026-01-01T00:00:00.000Z' },
  { id: 'beta', name: 'Beta', role: 'viewer', createdAt: '2026-01-01T00:00:00.000Z' },
];
const ROOT = '2026-01-01T12:00:00.000Z';
const ROWS: Row[] = [{ event: 'chat', date: ROOT, sender_id: ANN, history: [{ author_id: ANN, content: 'the plan for beta', date: ROOT }] }];
const IDENTITY: HubIdentity = { accountId: ME, accountName: 'Cy Young', email: 'cy@example.org', isAdmin: false, mode: 'multiuser' };
const SETTINGS = { codex_enabled: true, codex_default_models: [], codex_allow_user_tokens: true, selectable_llms: [], default_agent: 'demo', enabled_agents: ['demo'], permission_timeout_ms: 60_000 };

function hubStandIn() {
  const projectOf = (params: unknown) => (params as { project?: string }).project;
  return createFakeAcpApi({
    'settings.get': () => ({ settings: SETTINGS, isAdmin: false, accountId: ME, accountName: 'Cy Young', mode: 'multiuser' }),
    'agents.list': () => ({ agents: [] }),
    'projects.list': () => ({ projects: PROJECTS }),
    'people.get': ({ accountIds }) => ({ people: PEOPLE.filter((person) => accountIds.includes(person.accountId)) }),
    'chat.list': (params) => ({ files: projectOf(params) === 'beta' ? [{ path: 'plan.chat', size: 1, modifiedAt: ROOT }] : [] }),
    'chat.open': (params: AcpApiParams<'chat.open'>) => {
      if (projectOf(params) !== 'beta') throw new Error(`not a member of project ${projectOf(params)}`);
      return { rows: ROWS, path: params.path, version: 1 };
    },
    'chat.close': () => ({}),
    'queue.get': () => ({ queues: {} }),
    'account.setName': ({ name }) => ({ accountName: name }),
    'credentials.list': () => ({ credentials: [{ agent: 'codex', hasUserKey: false, hasSiteKey: false, effective: 'none' }] }),
    'audit.list': () => ({ rows: [] }),
  });
}

let runtimes: ProjectRuntimes | undefined;
beforeEach(() => history.replaceState(null, '', '/#/'));
afterEach(() => act(() => runtimes?.dispose()));

function renderPage() {
  const fake = hubStandIn();
  runtimes = createProjectRuntimes(fake.api, ME);
  const people = createPeopleStore({ api: fake.api, seed: [{ accountId: ME, name: 'Cy Young' }] });
  render(
    <VirtuosoMockContext.Provider value={{ viewportHeight: 600, itemHeight: 60 }}>
      <MultiuserApp api={fake.api} identity={IDENTITY} people={people} runtimes={runtimes} />
    </VirtuosoMockContext.Provider>,
  );
  return fake;
}

const go = (hash: string) => act(() => {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
});

describe('the multiuser page', () => {
  it('lists your projects with your role; logout is a POST to /logout; your account is one click away', async () => {
    renderPage();
    const nav = await screen.findByRole('navigation', { name: 'Your projects' });
    expect(within(nav).getAllByRole('link').map((link) => link.getAttribute('aria-label'))).toEqual(['Open project Alpha (collaborator)', 'Open project Beta (viewer)']);
    const logout = screen.getByRole('button', { name: 'Log out' }).closest('form') as HTMLFormElement;
    expect(logout).toHaveAttribute('method', 'post');
    expect(logout).toHaveAttribute('action', '/logout');
    expect(screen.getByRole('link', { name: 'Your account: Cy Young' })).toHaveAttribute('href', '#/account');
  });

  it("opens a project's chats on a runtime scoped to it: a viewer reads and cannot send", async () => {
    const fake = renderPage();
    await screen.findByRole('navigation', { name: 'Your projects' });
    await go(`#/p/beta/plan.chat/${Date.parse(ROOT)}`);
    // The thread of the address opens; its author is named (people.get). A viewer's thread view does
    // not mark it read: that chat.set would be refused (this stand-in has no chat.set at all).
    await screen.findByRole('article', { name: 'Message from Ann Archer' }, { timeout: 5_000 });
    expect(fake.callsOf('chat.list')).toEqual([{ project: 'beta' }]);
    // The thread of the address is asked for first (a short chat comes whole: no second open).
    expect(fake.callsOf('chat.open')).toEqual([{ project: 'beta', path: 'plan.chat', thread: String(Date.parse(ROOT)) }]);
    expect(screen.getByTestId('current-project')).toHaveTextContent('Betaviewer');
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled();
    expect(screen.getByTestId('viewer-note')).toHaveTextContent('You can read this project (viewer)');
    expect(fake.callsOf('chat.set')).toEqual([]);
    // The address follows the open chat and thread, so a reload comes back to them.
    await act(() => runtimes!.get('beta').room.getState().selectThread(null));
    await waitFor(() => expect(location.hash).toBe('#/p/beta/plan.chat'));
  });

  it("links an open thread to its own audit, which asks audit.list for that thread only", async () => {
    const fake = renderPage();
    await screen.findByRole('navigation', { name: 'Your projects' });
    const threadKey = String(Date.parse(ROOT));
    await go(`#/p/beta/plan.chat/${threadKey}`);
    const link = await screen.findByRole('link', { name: 'Audit of this thread' });
    expect(link).toHaveAttribute('href', `#/audit/beta/plan.chat/${threadKey}`);
    await go(`#/audit/beta/plan.chat/${threadKey}`);
    await screen.findByRole('heading', { name: 'Audit of a thread of plan.chat in Beta' });
    await waitFor(() => expect(fake.callsOf('audit.list')).toContainEqual(expect.objectContaining({ project: 'beta', path: 'plan.chat', threadKey })));
  });

  it('a project you are not a member of says so', async () => {
    renderPage();
    await screen.findByRole('navigation', { name: 'Your projects' });
    await go('#/p/gamma');
    await screen.findByText('You are not a member of a project “gamma”.');
  });

  it('the account page renames you with account.setName, and the header follows', async () => {
    const fake = renderPage();
    await go('#/account');
    const form = await screen.findByRole('form', { name: 'Your name' });
    const input = within(form).getByLabelText('Your name');
    await userEvent.clear(input);
    await userEvent.type(input, 'Cy Twombly');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(fake.callsOf('account.setName')).toEqual([{ name: 'Cy Twombly' }]);
    await screen.findByRole('link', { name: 'Your account: Cy Twombly' });
    expect(screen.getByRole('heading', { name: 'Cy Twombly' })).toBeInTheDocument();
    // Your agent keys are on the same page ("Connect Codex"), read through the hub-level runtime.
    expect(await within(screen.getByRole('region', { name: 'Agent keys' })).findAllByText(/codex/i)).not.toHaveLength(0);
  });
});

describe('the multiuser page when a project host goes away (cluster)', () => {
  it('the project page shows the banner while the host is away and the list tags it; both go when it is back', async () => {
    const fake = renderPage();
    await screen.findByRole('navigation', { name: 'Your projects' });
    await go(`#/p/beta/plan.chat/${Date.parse(ROOT)}`);
    await screen.findByRole('article', { name: 'Message from Ann Archer' }, { timeout: 5_000 });
    act(() => fake.emit('project.host', { project: 'beta', host: { id: 'h1', available: false, reason: 'project host h1 unavailable' } }));
    expect(await screen.findByTestId('project-host-alert')).toHaveTextContent('Project host h1 unavailable — sends fail until it is back');
    await go('#/');
    const beta = (await screen.findByRole('link', { name: 'Open project Beta (viewer)' })).closest('li') as HTMLElement;
    expect(within(beta).getByText('Host h1 unavailable')).toBeInTheDocument();
    act(() => fake.emit('project.host', { project: 'beta', host: { id: 'h1', available: true } }));
    expect(within(beta).queryByText('Host h1 unavailable')).toBeNull();
    await go(`#/p/beta/plan.chat/${Date.parse(ROOT)}`);
    await screen.findByRole('article', { name: 'Message from Ann Archer' });
    expect(screen.queryByTestId('project-host-alert')).toBeNull();
  });
});
