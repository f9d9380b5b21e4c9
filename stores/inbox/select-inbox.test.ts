import { describe, expect, it } from 'vitest';
import { CODEX_COMMAND_OPTIONS, createEventLog } from '../../fixtures/build.js';
import { reduceTurnEvents, createTurnView } from '../../src/activity/index.js';
import { MemorySyncDB, keyToIso } from '../../src/syncdb/index.js';
import { createChatStore } from '../chat/create-chat-store.js';
import { chatRow } from '../chat/testing/build-chat-rows.js';
import { selectPendingApprovals, selectRunningTurns } from './index.js';

const NOW = Date.UTC(2026, 0, 5, 12);
const HOUR = 3_600_000;

function chat() {
  const db = new MemorySyncDB([
    chatRow(NOW - 2 * HOUR, 'alice', 'older agent thread', { acp_config: { agent: 'demo' } }),
    chatRow(NOW - 2 * HOUR + 1000, 'demo', '', { reply_to: keyToIso(NOW - 2 * HOUR), generating: true, acp_turn: { id: 't-old', state: 'running' } }),
    chatRow(NOW - HOUR, 'alice', 'newer agent thread', { acp_config: { agent: 'demo' } }),
    chatRow(NOW - HOUR + 1000, 'demo', 'done', { reply_to: keyToIso(NOW - HOUR), acp_turn: { id: 't-done', state: 'completed' } }),
    chatRow(NOW - HOUR + 2000, 'demo', '', { reply_to: keyToIso(NOW - HOUR), generating: true, acp_turn: { id: 't-new', state: 'running' } }),
    chatRow(NOW - 3 * HOUR, 'alice', 'plain thread'),
  ]);
  return { db, store: createChatStore(db, { accountId: 'alice' }) };
}

describe('selectRunningTurns', () => {
  it('lists the generating agent rows of running threads, newest thread first', () => {
    const { store } = chat();
    expect(selectRunningTurns(store.getState()).map((ref) => [ref.turnId, ref.threadLabel])).toEqual([
      ['t-new', 'newer agent thread'],
      ['t-old', 'older agent thread'],
    ]);
  });

  it('keeps the same array through changes that do not touch a running turn, and drops an ended one', () => {
    const { db, store } = chat();
    const first = selectRunningTurns(store.getState());
    db.set({ ...chatRow(NOW - 3 * HOUR, 'alice', 'plain thread'), pin: true });
    db.commit();
    expect(selectRunningTurns(store.getState())).toBe(first);
    db.set({ date: keyToIso(NOW - 2 * HOUR + 1000), sender_id: 'demo', event: 'chat', generating: false, acp_turn: { id: 't-old', state: 'completed' } });
    db.commit();
    expect(selectRunningTurns(store.getState()).map((ref) => ref.turnId)).toEqual(['t-new']);
  });
});

describe('selectPendingApprovals', () => {
  it('collects the pending requests of each running turn, and not the decided ones', () => {
    const { store } = chat();
    const running = selectRunningTurns(store.getState());
    const log = createEventLog();
    log.permission('p1', { toolCallId: 'c1', title: 'Run ls' }, CODEX_COMMAND_OPTIONS);
    log.permission('p2', { toolCallId: 'e1', title: 'Edit a.md', content: [{ type: 'diff', path: 'a.md', oldText: null, newText: 'x' }] }, CODEX_COMMAND_OPTIONS);
    log.permission('p1', { toolCallId: 'c1', title: 'Run ls' }, CODEX_COMMAND_OPTIONS, { state: 'selected', optionId: 'allow_once', decidedBy: 'bob' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    // Only t-old's log is loaded: t-new (first) has none yet.
    const pending = selectPendingApprovals(running, [undefined, view]);
    expect(pending.map((approval) => [approval.turnId, approval.item.requestId, approval.files])).toEqual([['t-old', 'p2', ['a.md']]]);
    expect(pending[0].threadKey).toBe(String(NOW - 2 * HOUR));
    expect(selectPendingApprovals(running, [undefined, undefined])).toEqual([]);
  });
});
