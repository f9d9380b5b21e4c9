import { createEventLog } from '../../../fixtures/build.js';
import { boundedTextToString } from '../bounded-text.js';
import { createTurnView } from '../create-turn-view.js';
import { reduceTurnEvents } from '../reduce-turn-events.js';
import { MAX_TOOL_TEXT_CHARS } from './tool.js';

describe('tool calls', () => {
  it('creates the item from a tool_call_update for an unknown id (codex-acp does that)', () => {
    const log = createEventLog();
    log.toolCallUpdate('call_9', { status: 'completed', title: 'Search', kind: 'search', content: [{ type: 'content', content: { type: 'text', text: 'hit' } }] });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.items.call_9).toMatchObject({ kind: 'read', toolKind: 'search', status: 'completed', text: 'hit', title: 'Search' });
  });

  it('maps tool kinds to items: execute terminal, edit diff, read/search read, fetch, think, other tool', () => {
    const log = createEventLog();
    log.toolCall('x', { kind: 'execute' });
    log.toolCall('e', { kind: 'edit', content: [{ type: 'diff', path: 'a', oldText: 'a', newText: 'b' }] });
    log.toolCall('r', { kind: 'read', locations: [{ path: 'src/a.ts', line: 3 }] });
    log.toolCall('f', { kind: 'fetch' });
    log.toolCall('t', { kind: 'think' });
    log.toolCall('o', { kind: 'other' });
    log.toolCall('n', {});
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.order.map((id) => view.items[id].kind)).toEqual(['terminal', 'diff', 'read', 'fetch', 'think', 'tool', 'tool']);
    expect(view.items.r).toMatchObject({ locations: [{ path: 'src/a.ts', line: 3 }] });
  });

  it('turns an edit into a diff item when its diff content arrives, keeping its place', () => {
    const log = createEventLog();
    log.toolCall('e', { kind: 'edit', title: 'Editing' });
    log.agentMessage('meanwhile');
    log.toolCallUpdate('e', { status: 'completed', content: [{ type: 'diff', path: 'a.txt', oldText: 'x\n', newText: 'y\n' }] });
    log.toolCallUpdate('e', { title: 'Edited' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.order[0]).toBe('e');
    expect(view.items.e).toMatchObject({ kind: 'diff', title: 'Edited', status: 'completed', files: [{ path: 'a.txt', change: 'update' }] });
  });

  it('appends terminal output, replaces content and ends on exit (non-zero fails)', () => {
    const log = createEventLog();
    log.toolCall('x', { kind: 'execute', rawInput: { command: 'make', cwd: 'src' } });
    log.terminalOutput('x', 'one\n');
    log.terminalOutput('x', 'two\n');
    log.terminalExit('x', 2);
    const view = reduceTurnEvents(createTurnView(), log.events);
    const item = view.items.x;
    expect(item.kind === 'terminal' && [boundedTextToString(item.output), item.exitCode, item.status, item.command, item.cwd]).toEqual([
      'one\ntwo\n',
      2,
      'failed',
      'make',
      'src',
    ]);
  });

  it('records a signal and replaces content and locations of tool items', () => {
    const log = createEventLog();
    log.toolCall('x', { kind: 'execute' });
    log.terminalExit('x', null, 'SIGKILL');
    log.toolCall('r', { kind: 'read', content: [{ type: 'content', content: { type: 'text', text: 'old' } }], locations: [{ path: 'a' }] });
    log.toolCallUpdate('r', { content: [{ type: 'content', content: { type: 'text', text: 'new' } }], locations: [] });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.items.x).toMatchObject({ exitCode: null, signal: 'SIGKILL', status: 'failed' });
    expect(view.items.r).toMatchObject({ text: 'new', locations: [] });
  });

  it('bounds huge text content of a tool item and counts what it dropped', () => {
    const log = createEventLog();
    const huge = 'y'.repeat(MAX_TOOL_TEXT_CHARS + 500);
    log.toolCall('r', { kind: 'read', content: [{ type: 'content', content: { type: 'text', text: huge } }] });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.items.r).toMatchObject({ textDroppedChars: 500 });
    expect(view.items.r.kind === 'read' && view.items.r.text.length).toBe(MAX_TOOL_TEXT_CHARS);
  });

  it('does not let a tool call take over the id of another kind of item', () => {
    const log = createEventLog();
    log.plan([{ content: 'p' }]);
    log.toolCall('plan', { kind: 'execute' });
    const view = reduceTurnEvents(createTurnView(), log.events);
    expect(view.items.plan.kind).toBe('plan');
    expect(view.items['tool-call:plan']).toMatchObject({ kind: 'terminal', toolCallId: 'plan' });
  });
});
