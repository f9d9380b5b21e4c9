import { readAcpRecording } from '../../../fixtures/data/read-fixtures.js';
import { OUTPUT_HEAD_CHARS, OUTPUT_TAIL_CHARS } from '../bounded-text.js';
import { replayFixture } from './replay-helpers.js';

describe('replay long-output.jsonl', () => {
  const view = replayFixture('long-output');
  const recorded = readAcpRecording('long-output')
    .map((line) => (line.update as { _meta?: { terminal_output?: { data: string } } } | undefined)?._meta?.terminal_output?.data ?? '')
    .join('');

  it('counts all 200,000 lines while keeping only a head and a tail', () => {
    const item = view.items.call_2;
    if (item.kind !== 'terminal') throw new Error('not a terminal');
    expect(item.output.totalLines).toBe(200000);
    expect(item.output.totalChars).toBe(recorded.length);
    expect(item.output.head).toBe(recorded.slice(0, OUTPUT_HEAD_CHARS));
    expect(item.output.tail).toBe(recorded.slice(-OUTPUT_TAIL_CHARS));
    expect(item.output.droppedChars).toBe(recorded.length - OUTPUT_HEAD_CHARS - OUTPUT_TAIL_CHARS);
    expect(item.output.tail.endsWith('199999\n200000\n')).toBe(true);
    expect(item).toMatchObject({ status: 'completed', exitCode: 0 });
  });

  it('stays small: the view is a fraction of the raw output', () => {
    expect(recorded.length).toBeGreaterThan(1_000_000);
    expect(JSON.stringify(view).length).toBeLessThan(OUTPUT_HEAD_CHARS + OUTPUT_TAIL_CHARS + 64 * 1024);
  });
});
