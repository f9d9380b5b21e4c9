import { createEventLog } from '../../../fixtures/build.js';
import { createTurnView } from '../create-turn-view.js';
import { reduceTurnEvents } from '../reduce-turn-events.js';
import { revertHunks } from '../revert-hunks.js';

const OLD = `${Array.from({ length: 12 }, (_, index) => `line ${index}`).join('\n')}\n`;
const NEW = OLD.replace('line 1\n', 'line 1 top\n').replace('line 10\n', 'line 10 bottom\n');

function editLog() {
  const log = createEventLog();
  log.toolCall('edit_1', { kind: 'edit', title: 'Edit notes.md', status: 'completed', content: [{ type: 'diff', path: 'notes.md', oldText: OLD, newText: NEW }] });
  log.status('completed');
  return log;
}
const review = (hunks: unknown, decision: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'review', itemId: 'edit_1', file: 'notes.md', hunks, decision, decidedBy: 'acct-1', decidedAt: '2026-01-01T12:00:00.000Z', ...extra,
});

describe('review events', () => {
  it('fold into the diff item per hunk; a later decision on a hunk replaces the earlier one', () => {
    const log = editLog();
    log.raw(review([0, 1], 'keep'));
    log.raw(review([1], 'discard', { decidedBy: 'acct-2' }));
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.items.edit_1).toMatchObject({
      kind: 'diff',
      reviews: { 'notes.md': { 0: { decision: 'keep', decidedBy: 'acct-1' }, 1: { decision: 'discard', decidedBy: 'acct-2', decidedAt: '2026-01-01T12:00:00.000Z' } } },
    });
    expect(view.unhandled).toEqual([]);
  });

  it('replayed from the log give the same reviews (a reload shows the same), and a repeated seq changes nothing', () => {
    const log = editLog();
    log.raw(review([1], 'discard'));
    const once = reduceTurnEvents(createTurnView(), log.events);
    expect(reduceTurnEvents(once, log.events)).toBe(once);
    expect(reduceTurnEvents(createTurnView(), log.events)).toEqual(once);
  });

  it('for no edit of the turn, or with a bad shape, is recorded as unhandled, never a throw or an item', () => {
    const log = editLog();
    log.raw(review([0], 'discard', { itemId: 'missing' }));
    log.raw(review('all', 'discard'));
    log.raw(review([0], 'maybe'));
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.unhandled.map((entry) => entry.reason)).toEqual([
      'review event for no edit of this turn (missing)',
      'review event for a bad file, decision or hunk list',
      'review event for a bad file, decision or hunk list',
    ]);
    expect(view.order).toEqual(['edit_1']);
    expect((view.items.edit_1 as { reviews?: unknown }).reviews).toBeUndefined();
  });
});

describe('revertHunks (the old side of chosen hunks written into the current text)', () => {
  it('discards one hunk and keeps the other, in either order', () => {
    const first = revertHunks(OLD, NEW, NEW, [0]);
    expect(first).toEqual({ text: OLD.replace('line 10\n', 'line 10 bottom\n') });
    expect(revertHunks(OLD, NEW, (first as { text: string }).text, [1])).toEqual({ text: OLD });
  });

  it('a created file discarded whole is removed; an emptied file comes back', () => {
    expect(revertHunks(null, 'new\n', 'new\n', [0])).toEqual({ text: null });
    expect(revertHunks('a\nb\n', '', '', [0])).toEqual({ text: 'a\nb\n' });
    expect(revertHunks('a\nb\n', '', 'typed since\n', [0])).toMatchObject({ conflict: expect.stringContaining("the file changed since the agent's edit") });
  });

  it('refuses a hunk whose lines changed, a missing file and an unknown hunk', () => {
    expect(revertHunks(OLD, NEW, NEW.replace('line 10 bottom', 'mine'), [1])).toMatchObject({ conflict: expect.stringContaining('hunk 2 is no longer in it') });
    expect(revertHunks(OLD, NEW, null, [0])).toMatchObject({ conflict: expect.stringContaining('the file is gone') });
    expect(revertHunks(OLD, NEW, NEW, [2])).toEqual({ conflict: 'the edit has no hunk 2 (it has 2)' });
  });
});
