import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it } from 'vitest';
import { createAcpApi, scopeApiToProject, type AcpApi, type AcpTransport, type TransportEvents } from '../acp-api/index.js';
import { createNodeWebSocketTransport } from '../acp-api/node.js';
import { createTurnView, reduceTurnEvents } from '../activity/index.js';
import { watchTurn } from '../hub/turns/testing/turn-test-helpers.js';
import { startTestMultiuserHub } from '../multiuser/hub/testing/multiuser-test-hub.js';
import { createPeopleStore } from '../index.js';
import type { Row } from '../index.js';
import { resolveIdentity } from './hub-connection.js';
import { MultiuserApp } from './MultiuserApp.js';
import { createProjectRuntimes, type ProjectRuntimes } from './project-runtimes.js';

// The multiuser page on the real multiuser hub (PGlite, the demo agent), through a stand-in of a
// cluster's front hub on the page's socket (hostOutageTransport below) that takes project
// Alpha's host away and brings it back. The hub keeps running meanwhile: what it does is what the page
// must catch up on.
type Frame = { id?: number; method?: string; params?: { project?: string } };

/**
 * Stands in for a cluster's front hub in front of the real multiuser hub, for the page's tests (the
 * real front hub and project hosts are src/cluster's, tested there and in e2e): `hostDown(project)`
 * sends the page `project.host` unavailable, then answers each call of that project at once with
 * -32007 and drops that project's notifications (a dead host sends none); `hostUp` sends available
 * again and lets everything through. Records what the page sends.
 */
function hostOutageTransport(inner: AcpTransport) {
  const away = new Map<string, string>(); // project -> its host, while away
  const sent: Frame[] = [];
  let page: TransportEvents | undefined;
  const toPage = (frame: object) => page?.onMessage(JSON.stringify({ jsonrpc: '2.0', ...frame }));
  const transport: AcpTransport = {
    open(events) {
      page = events;
      const connection = inner.open({
        onOpen: () => events.onOpen(),
        onClose: (reason) => events.onClose(reason),
        onMessage: (text) => {
          const frame = JSON.parse(text) as Frame;
          if (frame.id === undefined && frame.params?.project !== undefined && away.has(frame.params.project)) return;
          events.onMessage(text);
        },
      });
      return {
        send(text) {
          const frame = JSON.parse(text) as Frame;
          sent.push(frame);
          const host = frame.params?.project === undefined ? undefined : away.get(frame.params.project);
          if (host === undefined || frame.id === undefined) return connection.send(text);
          const error = { code: -32007, message: `project host ${host} unavailable` };
          queueMicrotask(() => events.onMessage(JSON.stringify({ jsonrpc: '2.0', id: frame.id, error })));
        },
        close: () => connection.close(),
      };
    },
  };
  return {
    transport,
    sent,
    hostDown(project: string, host = 'h1'): void {
      away.set(project, host);
      toPage({ method: 'project.host', params: { project, host: { id: host, available: false, reason: `project host ${host} unavailable` } } });
    },
    hostUp(project: string): void {
      const host = away.get(project) ?? 'h1';
      away.delete(project);
      toPage({ method: 'project.host', params: { project, host: { id: host, available: true } } });
    },
  };
}

const cleanups: Array<() => unknown> = [];
let runtimes: ProjectRuntimes | undefined;
afterEach(async () => {
  act(() => runtimes?.dispose());
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The text of a chat row's first history entry. */
const contentOf = (row: Row) => (row.history as Array<{ content?: string }> | undefined)?.[0]?.content;
const BANNER = 'Project host h1 unavailable — sends fail until it is back';
const CHAT = 'plan.chat';
const message = (sender: string, content: string, date: string, extra: Partial<Row> = {}): Row => ({ event: 'chat', date, sender_id: sender, history: [{ author_id: sender, content, date }], ...extra });

describe('the multiuser page while a project host goes away and comes back', () => {
  it('shows the banner, a send fails with the host message and keeps the text, and the page catches up: turn from its last seq, chat reopened, the held row sent', async () => {
    const test = await startTestMultiuserHub('pglite');
    cleanups.push(test.dispose);
    const ann = await test.person('ann@example.org', 'Ann Archer');
    const cy = await test.person('cy@example.org', 'Cy Young');
    const alpha = await test.project('Alpha', ann, [[cy, 'collaborator']]);
    const annApi = scopeApiToProject(test.connect(await test.login('ann@example.org')), alpha.id);
    const threadKey = String(Date.UTC(2026, 2, 1));
    await annApi.call('chat.create', { path: CHAT });
    await annApi.call('chat.set', { path: CHAT, rows: [message(ann.id, 'agent thread', new Date(Number(threadKey)).toISOString(), { acp_config: { agent: 'demo' } })] });
    const { turnId } = await annApi.call('turn.send', { path: CHAT, threadKey, prompt: [{ type: 'text', text: 'please take a note of this' }], userDate: new Date(Number(threadKey) + 1).toISOString() });
    const annTurn = watchTurn(annApi, turnId);
    cleanups.push(annTurn.stop);

    const front = hostOutageTransport(createNodeWebSocketTransport(`ws://127.0.0.1:${test.hub.port}/api/ws`, { headers: { Origin: test.origin, Cookie: await test.login('cy@example.org') } }));
    const api: AcpApi = createAcpApi(front.transport, { backoff: { initialMs: 20, maxMs: 200 } });
    cleanups.push(() => api.close());
    const identity = await resolveIdentity(api);
    runtimes = createProjectRuntimes(api, identity.accountId);
    history.replaceState(null, '', `/#/p/${alpha.id}/${CHAT}/${threadKey}`);
    render(
      <VirtuosoMockContext.Provider value={{ viewportHeight: 600, itemHeight: 60 }}>
        <MultiuserApp api={api} identity={identity} people={createPeopleStore({ api })} runtimes={runtimes} />
      </VirtuosoMockContext.Provider>,
    );
    const page = runtimes.get(alpha.id);
    const pageTurn = () => page.turns.getState().turns[turnId];
    const pendingApproval = () => Object.values(pageTurn()?.items ?? {}).some((item) => item.kind === 'permission' && item.state === 'pending');
    await waitFor(() => expect(pendingApproval()).toBe(true), { timeout: 30_000 });
    const seqAtOutage = pageTurn().lastSeq;

    act(() => front.hostDown(alpha.id));
    expect((await screen.findByText(BANNER)).closest('[role="alert"]')).not.toBeNull();
    const sentBeforeComeback = front.sent.length;

    // The host goes on without the page: Ann approves, the turn ends, Ann writes a message.
    const pending = await annTurn.waitFor('the permission request', (events) => events.find((event) => event.type === 'permission' && event.state === 'pending'));
    if (pending.type !== 'permission') throw new Error('unreachable');
    await annApi.call('permission.respond', { turnId, requestId: pending.requestId, optionId: 'allow_once' });
    expect(await annTurn.done()).toBe('completed');
    await annApi.call('chat.set', { path: CHAT, rows: [message(ann.id, 'written while h1 was away', new Date(Number(threadKey) + 5000).toISOString(), { reply_to: new Date(Number(threadKey)).toISOString() })] });

    // Cy sends: it fails at once with the host's message; the message stays on the page.
    // By label, not role: role queries compute every element's style, minutes in jsdom on a full turn.
    await userEvent.setup({ pointerEventsCheck: 0 }).type(screen.getByLabelText('Message'), 'sent while h1 was away{Enter}');
    await screen.findByText('Your message is saved, but the agent did not get it: project host h1 unavailable');
    expect(screen.getByText('sent while h1 was away')).toBeInTheDocument();
    expect(pageTurn().lastSeq).toBe(seqAtOutage);

    act(() => front.hostUp(alpha.id));
    await waitFor(() => expect(screen.queryByText(BANNER)).toBeNull());
    await waitFor(() => expect(pageTurn()?.state).toBe('completed'), { timeout: 30_000 });
    // Every event once: the page's view of the turn is the replay of its whole log.
    expect(pageTurn()).toEqual(reduceTurnEvents(createTurnView(), annTurn.events));
    const turnFrames = front.sent.slice(sentBeforeComeback).filter((frame) => frame.method?.startsWith('turn.') && (frame.params as { turnId?: string }).turnId === turnId);
    expect(turnFrames.map((frame) => [frame.method, (frame.params as { fromSeq?: number }).fromSeq])).toEqual([
      ['turn.unsubscribe', undefined],
      ['turn.subscribe', seqAtOutage + 1],
    ]);
    // The chat was reopened (Ann's message is there) and the held row reached the hub.
    await screen.findByText('written while h1 was away', {}, { timeout: 10_000 });
    await waitFor(async () => {
      const { rows } = await annApi.call('chat.open', { path: CHAT });
      expect(rows.some((row) => row.sender_id === cy.id && contentOf(row) === 'sent while h1 was away')).toBe(true);
    });
  }, 240_000);
});
