import { selectFinalAnswer, selectItems } from '../selectors.js';
import type { DiffItem } from '../types.js';
import { onlyTerminal, replayAgentRecording } from './replay-agent-helpers.js';

describe('replay of the real Gemini CLI (gemini-cli 0.61.0 --acp)', () => {
  it('hello: thought and message without messageId become one reasoning and one message', () => {
    const view = replayAgentRecording('gemini-hello');
    expect(selectItems(view).map((item) => item.kind)).toEqual(['reasoning', 'message']);
    expect(selectFinalAnswer(view)).toBe('Hello from the scripted model!');
    expect(view).toMatchObject({ state: 'completed', currentModeId: 'default', usage: null, unhandled: [] });
  });

  it('run-ls (interactive shell): the permission text is not shown as output; no output reached the client', () => {
    const terminal = onlyTerminal(replayAgentRecording('gemini-run-ls'));
    expect(terminal.status).toBe('completed');
    expect(terminal.text).not.toContain('[current working directory');
  });

  it('run-ls (interactive shell off): the output arrives as text at the end, ANSI codes stripped', () => {
    const terminal = onlyTerminal(replayAgentRecording('gemini-run-ls-nopty'));
    expect(terminal).toMatchObject({ status: 'completed', exitCode: null });
    expect(terminal.text.startsWith('total 12\n')).toBe(true);
    expect(terminal.text.endsWith('green')).toBe(true);
  });

  it('edit-file: the permission comes first (no tool_call before it), then a diff of a new file (oldText "", kind add)', () => {
    const view = replayAgentRecording('gemini-edit-file');
    expect(selectItems(view).map((item) => item.kind)).toEqual(['permission', 'diff', 'message']);
    const diff = selectItems(view).find((item): item is DiffItem => item.kind === 'diff');
    expect(diff?.files[0]).toMatchObject({ path: 'notes.md', oldText: '', change: 'add' });
  });

  it('slow-cancel: the turn ends cancelled; the command says it was cancelled', () => {
    const view = replayAgentRecording('gemini-slow-cancel');
    expect(view).toMatchObject({ state: 'cancelled', currentModeId: 'yolo' });
    expect(onlyTerminal(view).text).toBe('Command cancelled by user.');
  });
});
