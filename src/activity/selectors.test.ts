import { createEventLog } from '../../fixtures/build.js';
import { createTurnView } from './create-turn-view.js';
import { selectDiffTotals, selectFilesTouched } from './diff-totals.js';
import { reduceTurnEvents } from './reduce-turn-events.js';
import { selectAgentMessages, selectFinalAnswer, selectItems } from './selectors.js';

describe('selectors', () => {
  it('return the same item list for the same view and nothing for an empty turn', () => {
    const log = createEventLog();
    log.agentMessage('a');
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(selectItems(view)).toBe(selectItems(view));
    expect(selectFinalAnswer(createTurnView())).toBeNull();
    expect(selectAgentMessages(createTurnView())).toEqual([]);
  });

  it('the final answer is the last agent message, not a later user message or tool', () => {
    const log = createEventLog();
    log.agentMessage('first', 'm1');
    log.agentMessage('last', 'm2');
    log.toolCall('c', { kind: 'read' });
    log.update({ sessionUpdate: 'user_message_chunk', messageId: 'u', content: { type: 'text', text: 'next question' } });
    expect(selectFinalAnswer(reduceTurnEvents(createTurnView(), log.events))).toBe('last');
  });

  it('adds up several edits of one file, counts deletions and both paths of a move', () => {
    const log = createEventLog();
    const diff = (path: string, oldText: string | null, newText: string, meta?: object) => ({ type: 'diff', path, oldText, newText, ...(meta ? { _meta: meta } : {}) });
    log.toolCall('e1', { kind: 'edit', content: [diff('a.ts', 'x\ny\n', 'x\nz\n')] });
    log.toolCall('e2', { kind: 'edit', content: [diff('a.ts', 'x\nz\n', 'x\nz\nw\n')] });
    log.toolCall('d', { kind: 'delete', content: [diff('old.ts', 'one\ntwo\n', '', { kind: 'delete' })] });
    log.toolCall('m', { kind: 'move', content: [diff('from.ts', 'k\n', 'k\n', { kind: 'move', move_path: 'to.ts' })] });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(selectFilesTouched(view)).toEqual(['a.ts', 'old.ts', 'from.ts', 'to.ts']);
    expect(selectDiffTotals(view)).toEqual({
      files: [
        { path: 'a.ts', change: 'update', additions: 2, deletions: 1 },
        { path: 'old.ts', change: 'delete', additions: 0, deletions: 2 },
        { path: 'from.ts', change: 'move', additions: 0, deletions: 0 },
      ],
      additions: 2,
      deletions: 3,
    });
  });
});
