import { boundedTextToString } from '../bounded-text.js';
import { selectItems } from '../selectors.js';
import { replayFixture } from './replay-helpers.js';

describe('replay run-ls.jsonl', () => {
  const view = replayFixture('run-ls');

  it('shows the command as a terminal item with its ANSI output and exit code 0', () => {
    // codex-acp reports `ls` as kind read, name exec_command, output as text content.
    const terminals = selectItems(view).filter((item) => item.kind === 'terminal');
    expect(terminals).toHaveLength(1);
    const ls = terminals[0];
    if (ls.kind !== 'terminal') throw new Error('not a terminal');
    expect(ls).toMatchObject({ title: 'List files', status: 'completed', exitCode: 0, toolKind: 'read', toolName: 'exec_command' });
    const output = boundedTextToString(ls.output);
    expect(output).toContain('\u001b[32mgreen\u001b[0m and \u001b[1;31mbold red\u001b[0m\n');
    expect(output.startsWith('total 12\n')).toBe(true);
    expect(ls.output.totalLines).toBe(9);
  });

  it('keeps reasoning before and the answer after the command', () => {
    expect(selectItems(view).map((item) => item.kind)).toEqual(['reasoning', 'terminal', 'message']);
  });
});
