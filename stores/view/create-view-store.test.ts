import { describe, expect, it } from 'vitest';
import { createTurnView } from '../../src/activity/index.js';
import type { ActivityItem, TurnView } from '../../src/activity/index.js';
import { cardKey } from './view-store-types.js';
import { createViewStore } from './create-view-store.js';
import { selectTurnLayout } from './select-visible-items.js';

const base = { startedAt: 0, updatedAt: 0 };
function viewOf(items: ActivityItem[]): TurnView {
  const view = createTurnView();
  return { ...view, items: Object.fromEntries(items.map((item) => [item.id, item])), order: items.map((item) => item.id) };
}
const output = { head: '', tail: '', droppedChars: 0, totalChars: 0, totalLines: 0 };
const items: ActivityItem[] = [
  { ...base, id: 'm1', kind: 'message', role: 'agent', messageId: 'm1', text: 'first' },
  { ...base, id: 'r1', kind: 'reasoning', messageId: 'r1', text: 'hmm' },
  { ...base, id: 'c1', kind: 'terminal', toolCallId: 'c1', title: 'ls', command: 'ls', cwd: '.', status: 'completed', output, exitCode: 2, signal: null },
  { ...base, id: 'd1', kind: 'diff', toolCallId: 'd1', title: 'edit', status: 'completed', files: [] },
  { ...base, id: 'p1', kind: 'permission', requestId: 'p1', toolCallId: null, title: 'rm', command: 'rm', toolCall: {}, options: [], state: 'pending', optionId: null, decidedBy: null, decidedAt: null },
  { ...base, id: 'm2', kind: 'message', role: 'agent', messageId: 'm2', text: 'final' },
];

describe('view store', () => {
  it('keeps expansion, full output, filters and fold per key', () => {
    const store = createViewStore();
    store.getState().setExpanded(cardKey('t', 'c1'), true);
    store.getState().setFullOutput(cardKey('t', 'c1'), true);
    store.getState().toggleFilter('t', 'errors');
    store.getState().toggleFilter('t', 'edits');
    store.getState().toggleFilter('t', 'errors');
    expect(store.getState().expanded[cardKey('t', 'c1')]).toBe(true);
    expect(store.getState().fullOutput[cardKey('t', 'c1')]).toBe(true);
    expect(store.getState().filters.t).toEqual(['edits']);
    store.getState().clearFilters('t');
    expect(store.getState().filters.t).toBeUndefined();
  });

  it('lays out a turn: final answer apart, messages and pending approvals always in the fold', () => {
    const view = viewOf(items);
    expect(selectTurnLayout(view, false, [])).toEqual({ finalAnswerId: 'm2', foldIds: ['m1', 'p1'], hiddenCount: 3 });
    expect(selectTurnLayout(view, true, []).foldIds).toEqual(['m1', 'r1', 'c1', 'd1', 'p1']);
    expect(selectTurnLayout(view, true, ['reasoning']).foldIds).toEqual(['m1', 'r1', 'p1']);
    expect(selectTurnLayout(view, true, ['commands', 'edits']).foldIds).toEqual(['m1', 'c1', 'd1', 'p1']);
    // exit code 2 makes the command an error
    expect(selectTurnLayout(view, true, ['errors']).foldIds).toEqual(['m1', 'c1', 'p1']);
  });
});
