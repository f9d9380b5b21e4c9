import { describe, expect, it } from 'vitest';
import { readFixtureEvents } from '../../fixtures/data/read-fixtures.js';
import type { ChatRow } from '../../src/protocol/index.js';
import { createTurnStore } from '../turns/index.js';
import { exportThreadMarkdown } from './export-thread-markdown.js';
import { loadTurnViews } from './load-turn-views.js';
import { createFakeAcpApi } from './testing/fake-acp-api.js';

const ROOT = '2026-01-02T10:00:00.000Z';
const rows: ChatRow[] = [
  { event: 'chat', date: ROOT, sender_id: 'alice', history: [{ author_id: 'alice', content: 'do three things', date: ROOT }], acp_config: { agent: 'codex' } },
  { event: 'chat', date: '2026-01-02T10:00:01.000Z', sender_id: 'codex', reply_to: ROOT, history: [{ author_id: 'codex', content: 'final', date: ROOT }], acp_turn: { id: 'turn-m', state: 'completed' } },
];

describe('loadTurnViews + full export', () => {
  it('subscribes to a turn that is not loaded, waits for its end, and exports every recorded message', async () => {
    // The recorded turn (real codex-acp traffic, hub-numbered) is replayed through the api's
    // subscription, as the hub would after turn.subscribe.
    const events = readFixtureEvents('multi-message');
    const fake = createFakeAcpApi();
    const turns = createTurnStore({ api: fake.api, schedule: (flush) => queueMicrotask(flush) });
    const loading = loadTurnViews(turns, ['turn-m'], 10_000);
    for (const event of events) fake.pushTurnEvent('turn-m', event);
    const turnView = await loading;
    const view = turnView('turn-m');
    expect(view?.state).toBe('completed');
    const markdown = exportThreadMarkdown({ rows, mode: 'full', turnView });
    const agentMessages = view!.order.map((id) => view!.items[id]).filter((item) => item.kind === 'message' && item.role === 'agent');
    expect(agentMessages).toHaveLength(3);
    for (const message of agentMessages) expect(markdown).toContain((message as { text: string }).text);
    expect(markdown).toContain('**Command**');
    expect(markdown).not.toContain('(activity not loaded)');
  });

  it('gives up after the timeout and exports what it has', async () => {
    const turns = createTurnStore({ api: createFakeAcpApi().api });
    const turnView = await loadTurnViews(turns, ['never-sent'], 50);
    expect(turnView('never-sent')).toBeUndefined();
    expect(exportThreadMarkdown({ rows: [{ ...rows[1], acp_turn: { id: 'never-sent', state: 'completed' } }], mode: 'full', turnView })).toContain('_(activity not loaded)_');
  });
});
