import { selectAgentMessages, selectFinalAnswer, selectItems } from '../selectors.js';
import type { DiffItem } from '../types.js';
import { onlyTerminal, replayAgentRecording } from './replay-agent-helpers.js';

describe('replay of the real Claude agent (claude-agent-acp 0.101.0)', () => {
  it('hello: reasoning and one answer; the informational billing warning is a notice, not answer text', () => {
    const view = replayAgentRecording('claude-hello');
    expect(selectItems(view).map((item) => item.kind)).toEqual(['reasoning', 'message', 'notice']);
    expect(selectFinalAnswer(view)).toBe('Hello from the scripted model!');
    expect(selectItems(view).find((item) => item.kind === 'notice')).toMatchObject({ level: 'warning', message: expect.stringContaining('classifier requests') });
    expect(view).toMatchObject({ state: 'completed', title: 'Scripted session', currentModeId: 'auto', unhandled: [] });
    expect(view.usage).toEqual({ used: 20400, size: 1000000, cost: { amount: 0.1152, currency: 'USD' } });
    expect(view.tokens).toMatchObject({ input: 12000, output: 400, cachedRead: 8000 });
    expect(view.configOptions.map((option) => option.id)).toEqual(['mode', 'model', 'effort', 'fast', 'ultracode']);
  });

  it('run-ls: the "Terminal" placeholder becomes the command; output and exit 0 from _meta.terminal_*', () => {
    const terminal = onlyTerminal(replayAgentRecording('claude-run-ls'));
    expect(terminal).toMatchObject({ title: 'ls -la && printf "\\033[32mgreen\\033[0m\\n"', command: 'ls -la && printf "\\033[32mgreen\\033[0m\\n"', status: 'completed', exitCode: 0 });
    expect(terminal.text).toContain('\u001b[32mgreen\u001b[0m');
    expect(terminal.text.startsWith('total 12\n')).toBe(true);
  });

  it('run-ls without terminal output offered: the output comes as text content, still one terminal', () => {
    const terminal = onlyTerminal(replayAgentRecording('claude-run-ls-nometa'));
    expect(terminal.status).toBe('completed');
    expect(terminal.text).toContain('a.txt');
  });

  it('edit-file: Write of a new file is a diff card with oldText null (an added file)', () => {
    const view = replayAgentRecording('claude-edit-file');
    const diff = selectItems(view).find((item): item is DiffItem => item.kind === 'diff');
    expect(diff).toMatchObject({ status: 'completed' });
    expect(diff?.files).toEqual([expect.objectContaining({ path: 'notes.md', oldText: null, change: 'add' })]);
    expect(selectFinalAnswer(view)).toBe('Created `notes.md`.');
  });

  it('edit-existing: a Read, then an Edit whose diff is only the replaced fragment', () => {
    const view = replayAgentRecording('claude-edit-existing');
    expect(selectItems(view).map((item) => item.kind)).toEqual(['read', 'diff', 'permission', 'message']);
    const diff = selectItems(view).find((item): item is DiffItem => item.kind === 'diff');
    expect(diff?.files[0]).toMatchObject({ path: 'a.txt', change: 'update' });
  });

  it('bash-permission: Manual mode asks before mkdir; the answer is recorded and the command runs', () => {
    const view = replayAgentRecording('claude-bash-permission');
    expect(selectItems(view).find((item) => item.kind === 'permission')).toMatchObject({ state: 'selected' });
    expect(onlyTerminal(view)).toMatchObject({ status: 'completed', exitCode: 0, text: 'made' });
  });

  it('slow-cancel: the command ends failed (exit_code null), the turn cancelled, no answer', () => {
    const view = replayAgentRecording('claude-slow-cancel');
    expect(view).toMatchObject({ state: 'cancelled', stopReason: 'cancelled' });
    expect(onlyTerminal(view)).toMatchObject({ status: 'failed', exitCode: null });
    expect(selectAgentMessages(view)).toEqual([]);
  });
});
