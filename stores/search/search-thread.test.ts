import { describe, expect, it } from 'vitest';
import { createTurnView } from '../../src/activity/index.js';
import type { ActivityItem, TurnView } from '../../src/activity/index.js';
import type { ChatMessage } from '../chat/index.js';
import { chatRow } from '../chat/testing/build-chat-rows.js';
import { SEARCH_STEP_MESSAGES, searchThread, searchThreadSteps } from './search-thread.js';

const message = (ms: number, text: string, turnId?: string): ChatMessage =>
  ({ ...chatRow(ms, turnId ? 'codex' : 'alice', text, turnId ? { acp_turn: { id: turnId, state: 'completed' } } : {}), key: String(ms), threadKey: '1' }) as unknown as ChatMessage;

const base = { startedAt: 0, updatedAt: 0 };
function turnWith(items: ActivityItem[]): TurnView {
  const view = createTurnView();
  for (const item of items) {
    view.items[item.id] = item;
    view.order.push(item.id);
  }
  return view;
}
const terminal = (id: string, command: string, head: string, tail = '', droppedChars = 0): ActivityItem => ({
  ...base, id, kind: 'terminal', toolCallId: id, title: 'Run', command, cwd: null, status: 'completed', exitCode: 0, signal: null,
  output: { head, tail, droppedChars, totalChars: head.length + tail.length + droppedChars, totalLines: 1 },
});

describe('searchThread', () => {
  it('finds text in messages case-insensitively, in thread order', () => {
    const messages = [message(1, 'Hello World'), message(2, 'nothing'), message(3, 'hello again, HELLO')];
    const { matches, truncated } = searchThread({ messages, turnView: () => undefined, query: 'hello' });
    expect(truncated).toBe(false);
    expect(matches.map((match) => [match.messageIndex, match.start, match.ordinal])).toEqual([[0, 0, 0], [2, 0, 0], [2, 13, 1]]);
    expect(matches[0].source).toEqual({ kind: 'message' });
  });

  it('searches an agent row as its turn: terminal command and output (ANSI stripped), reasoning, diff lines, answers', () => {
    const view = turnWith([
      { ...base, id: 'r', kind: 'reasoning', messageId: null, text: 'I should check the needle first' },
      terminal('t', 'grep needle', 'line one\n\u001b[31mthe needle\u001b[0m here\n'),
      { ...base, id: 'd', kind: 'diff', toolCallId: 'd', title: 'Edit', status: 'completed', files: [{ path: 'a.txt', oldText: 'hay\n', newText: 'hay\nneedle added\n', change: 'update' }] },
      { ...base, id: 'm', kind: 'message', role: 'agent', messageId: null, text: 'Found the Needle.' },
    ]);
    const { matches } = searchThread({ messages: [message(1, 'the row text has no match', 'turn-1')], turnView: (id) => (id === 'turn-1' ? view : undefined), query: 'NEEDLE' });
    const where = matches.map((match) => (match.source.kind === 'item' ? `${match.source.itemKind}:${match.source.field}:${match.ordinal}` : 'row'));
    expect(where).toEqual(['reasoning:text:0', 'terminal:command:0', 'terminal:output:1', 'diff:diff:0', 'message:text:0']);
    const output = matches[2];
    // The offset is in the text as the card renders it (escapes removed).
    expect(output.start).toBe('line one\nthe '.length);
  });

  it('searches the kept head and tail of cut terminal output, not what was dropped', () => {
    const view = turnWith([terminal('t', 'make', 'head part\n', 'tail part marker\n', 5_000)]);
    const search = (query: string) => searchThread({ messages: [message(1, '', 'turn')], turnView: () => view, query }).matches.length;
    expect(search('head part')).toBe(1);
    expect(search('marker')).toBe(1);
    expect(search('dropped middle')).toBe(0);
  });

  it('falls back to the row text while the turn is not loaded', () => {
    const { matches } = searchThread({ messages: [message(1, 'answer with needle', 'turn')], turnView: () => undefined, query: 'needle' });
    expect(matches).toHaveLength(1);
    expect(matches[0].source).toEqual({ kind: 'message' });
  });

  it('stops at the bound and says so; an empty query finds nothing', () => {
    const messages = Array.from({ length: 30 }, (_, index) => message(index + 1, 'x x x x x'));
    const bounded = searchThread({ messages, turnView: () => undefined, query: 'x', maxMatches: 12 });
    expect(bounded.matches).toHaveLength(12);
    expect(bounded.truncated).toBe(true);
    const exact = searchThread({ messages: messages.slice(0, 2), turnView: () => undefined, query: 'x', maxMatches: 10 });
    expect(exact).toMatchObject({ truncated: false });
    expect(exact.matches).toHaveLength(10);
    expect(searchThread({ messages, turnView: () => undefined, query: '   ' }).matches).toHaveLength(0);
  });

  it('runs in steps that yield between chunks of messages', () => {
    const messages = Array.from({ length: 450 }, (_, index) => message(index + 1, index === 449 ? 'last needle' : 'hay'));
    const steps = searchThreadSteps({ messages, turnView: () => undefined, query: 'needle' });
    const yielded: number[] = [];
    let step = steps.next();
    while (!step.done) {
      yielded.push(step.value);
      step = steps.next();
    }
    expect(yielded).toEqual(Array.from({ length: Math.floor(449 / SEARCH_STEP_MESSAGES) }, (_, index) => (index + 1) * SEARCH_STEP_MESSAGES));
    expect(step.value.matches[0].messageIndex).toBe(449);
  });
});
