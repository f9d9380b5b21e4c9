import { boundedTextToString } from '../bounded-text.js';
import { selectAgentMessages, selectFinalAnswer, selectItems } from '../selectors.js';
import { replayFixture } from './replay-helpers.js';

describe('replay multi-message.jsonl', () => {
  const view = replayFixture('multi-message');

  it('shows all three agent messages, in order', () => {
    expect(selectAgentMessages(view).map((message) => message.text)).toEqual([
      'First, I will check the date.',
      'Second, I will count files.',
      'Third and final: all done. **Summary**: two commands ran.',
    ]);
    expect(selectFinalAnswer(view)).toBe('Third and final: all done. **Summary**: two commands ran.');
  });

  it('interleaves the messages with the two commands', () => {
    expect(selectItems(view).map((item) => item.kind)).toEqual(['message', 'terminal', 'message', 'terminal', 'message']);
    const date = view.items.call_3;
    expect(date.kind === 'terminal' && [date.command, boundedTextToString(date.output), date.exitCode, date.status]).toEqual([
      'date -u +%Y',
      '2026\n',
      0,
      'completed',
    ]);
  });

  it('keeps only the latest usage', () => {
    expect(view.usage).toEqual({ used: 18400, size: 258400 });
  });
});
