import { act, render, screen, within } from '@testing-library/react';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestMultiuserHub } from '../multiuser/hub/testing/multiuser-test-hub.js';
import { createPeopleStore } from '../index.js';
import { resolveIdentity } from './hub-connection.js';
import { MultiuserApp } from './MultiuserApp.js';
import { createProjectRuntimes, type ProjectRuntimes } from './project-runtimes.js';

// The multiuser page on the real multiuser hub (PGlite), logged in over POST /login as a viewer.
const cleanups: Array<() => unknown> = [];
let runtimes: ProjectRuntimes | undefined;
afterEach(async () => {
  act(() => runtimes?.dispose());
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the multiuser page on the real multiuser hub', () => {
  it("a viewer sees only their projects, reads a member's message by name, and cannot send", async () => {
    const test = await startTestMultiuserHub('pglite');
    cleanups.push(test.dispose);
    const ann = await test.person('ann@example.org', 'Ann Archer');
    const cy = await test.person('cy@example.org', 'Cy Young');
    const alpha = await test.project('Alpha', ann, [[cy, 'viewer']]);
    await test.project('Secret', ann);
    const annApi = test.connect(await test.login('ann@example.org'));
    const date = new Date().toISOString();
    await annApi.call('chat.create', { project: alpha.id, path: 'plan.chat' });
    await annApi.call('chat.set', { project: alpha.id, path: 'plan.chat', rows: [{ event: 'chat', date, sender_id: ann.id, history: [{ author_id: ann.id, content: 'the plan', date }] }] });

    const api = test.connect(await test.login('cy@example.org'));
    const identity = await resolveIdentity(api);
    expect(identity).toMatchObject({ mode: 'multiuser', accountId: cy.id, accountName: 'Cy Young' });
    runtimes = createProjectRuntimes(api, identity.accountId);
    history.replaceState(null, '', '/#/');
    render(
      <VirtuosoMockContext.Provider value={{ viewportHeight: 600, itemHeight: 60 }}>
        <MultiuserApp api={api} identity={identity} people={createPeopleStore({ api })} runtimes={runtimes} />
      </VirtuosoMockContext.Provider>,
    );
    const nav = await screen.findByRole('navigation', { name: 'Your projects' }, { timeout: 10_000 });
    expect(within(nav).getAllByRole('link').map((link) => link.getAttribute('aria-label'))).toEqual(['Open project Alpha (viewer)']);

    act(() => {
      location.hash = `#/p/${alpha.id}/plan.chat/${Date.parse(date)}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await screen.findByRole('article', { name: 'Message from Ann Archer' }, { timeout: 10_000 });
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled();
    expect(screen.getByTestId('viewer-note')).toHaveTextContent('You can read this project (viewer)');
  });
});
