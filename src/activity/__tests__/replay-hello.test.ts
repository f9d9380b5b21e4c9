import { selectFinalAnswer, selectItems } from '../selectors.js';
import { replayFixture } from './replay-helpers.js';

describe('replay hello.jsonl', () => {
  const view = replayFixture('hello');

  it('shows the reasoning, then one agent message', () => {
    expect(selectItems(view).map((item) => item.kind)).toEqual(['reasoning', 'message']);
    expect(selectFinalAnswer(view)).toBe('Hello from the scripted model!');
  });

  it('records the end of the turn, its usage, token counts, title and session', () => {
    expect(view).toMatchObject({ state: 'completed', stopReason: 'end_turn', title: 'scenario:hello', error: null });
    expect(view.usage).toEqual({ used: 12400, size: 258400 });
    expect(view.tokens).toEqual({ input: 4000, output: 400, total: 12400, cachedRead: 8000, thought: 120 });
    expect(view.sessionId).toMatch(/^01a1fcde-/);
    expect(view.currentModeId).toBe('agent');
    expect(view.configOptions.map((option) => option.id)).toContain('model');
    expect(view.availableCommands.length).toBeGreaterThan(5);
    expect(view.prompt).toEqual([{ type: 'text', text: 'scenario:hello' }]);
    expect(view.endedAt).toBeGreaterThan(view.startedAt!);
    expect(view.unhandled).toEqual([]);
  });
});
