import { translateAcpUpdate } from './translate-acp-update.js';

describe('translateAcpUpdate', () => {
  it('translates message, reasoning and user chunks', () => {
    expect(translateAcpUpdate({ sessionUpdate: 'agent_message_chunk', messageId: 'm', content: { type: 'text', text: 'hi' } })).toEqual({
      change: 'message-chunk',
      role: 'agent',
      messageId: 'm',
      text: 'hi',
    });
    expect(translateAcpUpdate({ sessionUpdate: 'user_message_chunk', content: { type: 'text', text: 'q' } })).toMatchObject({ role: 'user', messageId: null });
    expect(translateAcpUpdate({ sessionUpdate: 'agent_thought_chunk', content: { type: 'text', text: 't' } })).toMatchObject({ change: 'reasoning-chunk' });
  });

  it('shows a resource link as text and other content as unknown', () => {
    const link = { sessionUpdate: 'agent_message_chunk', content: { type: 'resource_link', uri: 'file:///a.txt', name: 'a.txt' } };
    expect(translateAcpUpdate(link)).toMatchObject({ text: '[a.txt](file:///a.txt)' });
    const image = { sessionUpdate: 'agent_message_chunk', content: { type: 'image', data: 'AAA', mimeType: 'image/png' } };
    expect(translateAcpUpdate(image)).toMatchObject({ change: 'unknown', reason: expect.stringContaining('"image"') });
  });

  it('reads a codex-acp terminal tool call: command, cwd, output and exit', () => {
    const started = translateAcpUpdate({
      sessionUpdate: 'tool_call',
      toolCallId: 'call_3',
      title: 'date',
      name: 'exec_command',
      kind: 'execute',
      status: 'in_progress',
      content: [{ type: 'terminal', terminalId: 'call_3' }],
      rawInput: { command: ['bash', '-lc', 'date'], cwd: '.' },
    });
    expect(started).toMatchObject({
      change: 'tool-call',
      patch: { toolCallId: 'call_3', toolKind: 'execute', toolName: 'exec_command', status: 'in-progress', command: 'bash -lc date', cwd: '.' },
    });
    const ended = translateAcpUpdate({
      sessionUpdate: 'tool_call_update',
      toolCallId: 'call_3',
      _meta: { terminal_output: { data: 'x\n' }, terminal_exit: { exit_code: 2, signal: null } },
    });
    expect(ended).toMatchObject({ patch: { outputAppend: 'x\n', exit: { exitCode: 2, signal: null } } });
    expect(translateAcpUpdate({ sessionUpdate: 'tool_call_update', toolCallId: 'c', _meta: { terminal_output_delta: { data: 'y' } } })).toMatchObject({
      patch: { outputAppend: 'y' },
    });
  });

  it('reads diff content: a new file, an update, a declared delete', () => {
    const update = translateAcpUpdate({
      sessionUpdate: 'tool_call',
      toolCallId: 'e',
      kind: 'edit',
      content: [
        { type: 'diff', path: 'new.txt', oldText: null, newText: 'n' },
        { type: 'diff', path: 'a.txt', oldText: 'a', newText: 'b' },
        { type: 'diff', path: 'gone.txt', oldText: 'g', newText: '', _meta: { kind: 'delete' } },
        { type: 'diff', oldText: 'no path' },
      ],
    });
    expect(update.change === 'tool-call' && update.patch.content?.diffs.map((file) => [file.path, file.change])).toEqual([
      ['new.txt', 'add'],
      ['a.txt', 'update'],
      ['gone.txt', 'delete'],
    ]);
  });

  it('maps view updates and ignores codex-acp thread-status-only session info', () => {
    expect(translateAcpUpdate({ sessionUpdate: 'session_info_update', title: 'T' })).toEqual({ change: 'view', fields: { title: 'T' } });
    expect(translateAcpUpdate({ sessionUpdate: 'session_info_update', _meta: { codex: {} } })).toEqual({ change: 'none' });
    expect(translateAcpUpdate({ sessionUpdate: 'current_mode_update', currentModeId: 'plan' })).toEqual({ change: 'view', fields: { currentModeId: 'plan' } });
    expect(translateAcpUpdate({ sessionUpdate: 'usage_update', used: 1, size: 10, cost: { amount: 0.5, currency: 'USD' } })).toEqual({
      change: 'usage',
      usage: { used: 1, size: 10, cost: { amount: 0.5, currency: 'USD' } },
    });
    expect(translateAcpUpdate({ sessionUpdate: 'notice', severity: 'warning', title: 'Slow', description: 'rate limited' })).toEqual({
      change: 'notice',
      level: 'warning',
      message: 'Slow: rate limited',
    });
  });

  it('sanitizes plan entries and keeps unknown statuses as pending', () => {
    const plan = translateAcpUpdate({ sessionUpdate: 'plan', entries: [{ content: 'a', status: 'done?' }, 42, { content: 'b', status: 'completed', priority: 'high' }] });
    expect(plan).toEqual({
      change: 'plan',
      entries: [
        { content: 'a', priority: 'medium', status: 'pending' },
        { content: 'b', priority: 'high', status: 'completed' },
      ],
    });
  });

  it('turns malformed and unknown updates into unknown, never a throw', () => {
    for (const value of [null, 7, 'x', [], {}, { sessionUpdate: 'tool_call' }, { sessionUpdate: 'usage_update', used: '1' }, { sessionUpdate: 'what' }]) {
      expect(translateAcpUpdate(value).change).toBe('unknown');
    }
  });
});

describe('translateAcpUpdate: chunks that are not part of the answer', () => {
  it('an informational chunk (Claude, no messageId) is a notice at its level', () => {
    const update = { sessionUpdate: 'agent_message_chunk', content: { type: 'text', text: '**Warning:** billing' }, _meta: { claudeCode: { kind: 'informational', level: 'warning' } } };
    expect(translateAcpUpdate(update)).toEqual({ change: 'notice', level: 'warning', message: '**Warning:** billing' });
  });

  it('a "[MODE_UPDATE] yolo" chunk (Gemini) sets the current mode instead of adding text', () => {
    expect(translateAcpUpdate({ sessionUpdate: 'agent_message_chunk', content: { type: 'text', text: '[MODE_UPDATE] yolo' } })).toEqual({ change: 'view', fields: { currentModeId: 'yolo' } });
    expect(translateAcpUpdate({ sessionUpdate: 'agent_message_chunk', content: { type: 'text', text: 'I saw [MODE_UPDATE] yolo in a log' } })).toMatchObject({ change: 'message-chunk' });
  });
});
