import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it } from 'vitest';
import { CodexThread, MemorySyncDB, createCodexRuntime, useTurn } from '../index.js';
import type { AcpApi, AcpApiMethod, AcpApiParams, AcpApiResult, AgentInfo, CardProps, CodexRuntime, Row, TurnEvent } from '../index.js';

// A host app as it embeds codex-chat: its own chat document (a MemorySyncDB here), its own
// transport (an AcpApi), one runtime, one <CodexThread>. Everything comes from src/index.ts.
//
// The host's backend is played in the test, written against the public AcpApi type: a real hub
// cannot stand in for it, because the lite hub writes agent rows into its *own* chat files, while an
// embedding host's backend writes them into the host's document (that is what embedding means), and
// the node test project (where hub tests run) cannot render React. The hub itself is covered by the
// hub and e2e tests; this test covers the plugin surface on a host document.

const HOST_USER = 'host-user';
const ROOT = new Date(Date.now() - 60_000).toISOString();
const THREAD = String(Date.parse(ROOT));
const PATH = 'host/project.chat';
/** A turn event before the backend numbers and stamps it. */
type UnsentEvent = TurnEvent extends infer E ? (E extends TurnEvent ? Omit<E, 'seq' | 't'> : never) : never;
const DEMO: AgentInfo = { id: 'demo', label: 'Demo', demo: true, installed: true, signedIn: true, enabled: true, authMethods: [], configOptions: [], acceptsImages: true };

/** The host's backend: answers the calls, and on turn.send writes the agent row into the host's document and streams the turn. */
function hostBackend(document: MemorySyncDB) {
  const turns = new Map<string, { events: TurnEvent[]; listeners: Set<(event: TurnEvent) => void> }>();
  const sent: Array<AcpApiParams<'turn.send'>> = [];
  const turnOf = (turnId: string) => {
    const turn = turns.get(turnId) ?? { events: [], listeners: new Set() };
    turns.set(turnId, turn);
    return turn;
  };
  const answers: { [M in AcpApiMethod]?: (params: AcpApiParams<M>) => AcpApiResult<M> } = {
    'agents.list': () => ({ agents: [DEMO] }),
    'settings.get': () => ({
      settings: { codex_enabled: true, codex_default_models: [], codex_allow_user_tokens: true, selectable_llms: [], default_agent: 'demo', enabled_agents: ['demo'], permission_timeout_ms: 60_000 },
      isAdmin: false,
      accountId: HOST_USER,
    }),
    'queue.get': () => ({ queues: {} }),
    'turn.send': (params) => {
      sent.push(params);
      const turnId = `turn-${sent.length}`;
      const date = new Date(Date.parse(params.userDate) + 1).toISOString();
      document.set({ event: 'chat', date, sender_id: 'demo', reply_to: ROOT, history: [{ author_id: 'demo', content: '', date }], generating: true, acp_account_id: HOST_USER, acp_turn: { id: turnId, state: 'running' } });
      document.commit();
      return { turnId, position: 0 };
    },
  };
  const api: AcpApi = {
    call: async (method, params) => {
      const answer = answers[method] as ((params: unknown) => never) | undefined;
      if (!answer) throw new Error(`the host backend does not serve ${method}`);
      return answer(params);
    },
    on: () => () => {},
    subscribeTurn: (turnId, fromSeq, onEvent) => {
      const turn = turnOf(turnId);
      for (const event of turn.events) if (event.seq >= fromSeq) onEvent(event);
      turn.listeners.add(onEvent);
      return () => void turn.listeners.delete(onEvent);
    },
    connectionState: () => ({ type: 'open' }),
    onConnectionChange: () => () => {},
    close: () => {},
  };
  return {
    api,
    sent,
    /** The agent's side of a turn: one more event, to every subscriber. */
    stream(turnId: string, event: UnsentEvent) {
      const turn = turnOf(turnId);
      const full = { ...event, seq: turn.events.length, t: Date.now() } as TurnEvent;
      turn.events.push(full);
      for (const listener of turn.listeners) listener(full);
    },
  };
}

const hostRows = (): Row[] => [
  { event: 'chat', date: ROOT, sender_id: HOST_USER, history: [{ author_id: HOST_USER, content: 'help me with the parser', date: ROOT }], schema_version: 1, acp_config: { agent: 'demo' } },
];

// Virtuoso measures the DOM, which jsdom does not lay out; its test context supplies the sizes.
const withSizes = (ui: React.ReactElement) => <VirtuosoMockContext.Provider value={{ viewportHeight: 600, itemHeight: 60 }}>{ui}</VirtuosoMockContext.Provider>;

let runtime: CodexRuntime | undefined;
afterEach(() => act(() => runtime?.dispose()));

describe('embedding <CodexThread> in a host app', () => {
  it('shows one thread of the host document; a message lands there and the turn streams into the thread', async () => {
    const user = userEvent.setup();
    const document = new MemorySyncDB(hostRows());
    const backend = hostBackend(document);
    runtime = createCodexRuntime({ api: backend.api, accountId: HOST_USER, syncdb: document });
    render(withSizes(<CodexThread runtime={runtime} path={PATH} threadKey={THREAD} />));

    await screen.findByRole('heading', { name: 'help me with the parser' });
    await user.type(screen.getByRole('combobox', { name: 'Message' }), 'and add a test{Enter}');
    // The message is a row of the host's document, and the turn went to the host's backend.
    await waitFor(() => expect(document.get({ event: 'chat' }).flatMap((row) => (row.history as Array<{ content: string }>).map((entry) => entry.content))).toContain('and add a test'));
    expect(backend.sent).toMatchObject([{ path: PATH, threadKey: THREAD, prompt: [{ type: 'text', text: 'and add a test' }] }]);

    // The agent answers: its words stream into the thread as they arrive.
    act(() => {
      backend.stream('turn-1', { type: 'status', state: 'running' });
      backend.stream('turn-1', { type: 'update', update: { sessionUpdate: 'agent_message_chunk', content: { type: 'text', text: 'Looking at parser.ts' } } });
    });
    await screen.findByText(/Looking at parser\.ts/);
    act(() => backend.stream('turn-1', { type: 'update', update: { sessionUpdate: 'agent_message_chunk', content: { type: 'text', text: ', the test is added.' } } }));
    await screen.findByText(/Looking at parser\.ts, the test is added\./);
  });

  it("renders a host's own card in place of the built-in one of that kind", async () => {
    // A host card built only from the public hooks: it reads the turn it belongs to.
    function HostMessageCard({ turnId, item }: CardProps<'message'>) {
      const state = useTurn(turnId)?.state ?? 'unknown';
      return <aside aria-label="host card">{`host says (${state}): ${item.text}`}</aside>;
    }
    const document = new MemorySyncDB(hostRows());
    const backend = hostBackend(document);
    runtime = createCodexRuntime({ api: backend.api, accountId: HOST_USER, syncdb: document, cards: { message: HostMessageCard } });
    render(withSizes(<CodexThread runtime={runtime} path={PATH} threadKey={THREAD} />));
    await userEvent.setup().type(await screen.findByRole('combobox', { name: 'Message' }), 'hi{Enter}');
    await waitFor(() => expect(backend.sent).toHaveLength(1));
    act(() => {
      backend.stream('turn-1', { type: 'status', state: 'running' });
      backend.stream('turn-1', { type: 'update', update: { sessionUpdate: 'agent_message_chunk', content: { type: 'text', text: 'hello' } } });
    });
    const card = await screen.findByRole('complementary', { name: 'host card' });
    expect(within(card).getByText('host says (running): hello')).toBeInTheDocument();
  });
});
