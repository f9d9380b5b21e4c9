import { describe, expect, it } from 'vitest';
import { createTurnView } from '../../src/activity/index.js';
import type { TurnView } from '../../src/activity/index.js';
import type { ChatRow } from '../../src/protocol/index.js';
import { diffLines } from './diff-lines.js';
import { exportFileName, exportThreadMarkdown } from './export-thread-markdown.js';
import { fenceBlock } from './markdown-text.js';

const ROOT_DATE = '2026-01-02T10:00:00.000Z';
const rows: ChatRow[] = [
  { event: 'chat', date: ROOT_DATE, sender_id: 'alice', history: [{ author_id: 'alice', content: 'List the files', date: ROOT_DATE }], name: 'Files please', acp_config: { agent: 'demo' } },
  {
    event: 'chat',
    date: '2026-01-02T10:00:05.000Z',
    sender_id: 'demo',
    reply_to: ROOT_DATE,
    history: [{ author_id: 'demo', content: 'There are two files.', date: '2026-01-02T10:00:09.000Z' }],
    acp_turn: { id: 'turn-1', state: 'completed' },
  },
];

function turnView(): TurnView {
  const base = { startedAt: 1, updatedAt: 2 };
  return {
    ...createTurnView(),
    items: {
      r1: { ...base, id: 'r1', kind: 'reasoning', messageId: null, text: 'I should run ls.\nThen answer.' },
      t1: {
        ...base,
        id: 't1',
        kind: 'terminal',
        toolCallId: 't1',
        title: 'ls',
        command: 'ls -la',
        cwd: 'src',
        status: 'completed',
        output: { head: '\u001b[34ma.txt\u001b[0m\n', tail: 'b.txt\n', droppedChars: 120, totalChars: 140, totalLines: 20 },
        exitCode: 0,
        signal: null,
      },
      d1: {
        ...base,
        id: 'd1',
        kind: 'diff',
        toolCallId: 'd1',
        title: 'Edit a.txt',
        status: 'completed',
        files: [{ path: 'a.txt', oldText: 'one\ntwo\nthree\n', newText: 'one\nTWO\nthree\n', change: 'update' }],
      },
      m1: { ...base, id: 'm1', kind: 'message', role: 'agent', messageId: 'm1', text: 'There are two files.' },
    },
    order: ['r1', 't1', 'd1', 'm1'],
    lastSeq: 10,
    state: 'completed',
    startedAt: 1,
    endedAt: 2,
    stopReason: 'end_turn',
  };
}

describe('exportThreadMarkdown', () => {
  it('exports messages and final answers only in clean mode', () => {
    const markdown = exportThreadMarkdown({ rows, mode: 'clean', turnView: () => turnView() });
    expect(markdown).toContain('# Files please');
    expect(markdown).toContain(`## alice · ${ROOT_DATE}\n\nList the files`);
    expect(markdown).toContain('There are two files.');
    expect(markdown).not.toContain('Reasoning');
    expect(markdown).not.toContain('ls -la');
  });

  it('exports reasoning, commands and diffs in full mode', () => {
    const markdown = exportThreadMarkdown({ rows, mode: 'full', turnView: (id) => (id === 'turn-1' ? turnView() : undefined) });
    expect(markdown).toContain('**Reasoning**\n\n> I should run ls.\n> Then answer.');
    expect(markdown).toContain('**Command** (in `src`): exit 0');
    expect(markdown).toContain('$ ls -la\na.txt\n\n[... 120 characters not kept ...]\nb.txt');
    expect(markdown).not.toContain('\u001b');
    expect(markdown).toContain('--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three');
    expect(markdown.indexOf('Reasoning')).toBeLessThan(markdown.indexOf('There are two files.'));
  });

  it('says when the activity of a turn is not loaded in full mode', () => {
    const markdown = exportThreadMarkdown({ rows, mode: 'full', turnView: () => undefined });
    expect(markdown).toContain('There are two files.\n\n_(activity not loaded)_');
  });

  it('uses display names and keeps a heading on one line', () => {
    const markdown = exportThreadMarkdown({ rows, mode: 'clean', title: '# evil\ntitle', authorName: (id) => (id === 'alice' ? 'Alice A.' : 'Demo agent') });
    expect(markdown.split('\n')[0]).toBe('# \\# evil title');
    expect(markdown).toContain('## Demo agent · 2026-01-02T10:00:05.000Z');
  });
});

describe('markdown helpers', () => {
  it('fences a body containing backticks with a longer fence', () => {
    expect(fenceBlock('a ``` b', 'sh')).toBe('````sh\na ``` b\n````');
  });

  it('diffs an added and a deleted file', () => {
    expect(diffLines(null, 'x\ny\n')).toBe('@@ -0,0 +1,2 @@\n+x\n+y');
    expect(diffLines('x\n', null)).toBe('@@ -1,1 +0,0 @@\n-x');
  });

  it('makes a safe download file name', () => {
    expect(exportFileName('../../etc/passwd: notes', 'full')).toBe('..-..-etc-passwd-notes-full.md');
    expect(exportFileName('***', 'clean')).toBe('thread-clean.md');
  });
});
