import { describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CODEX_COMMAND_OPTIONS, createEventLog } from '../../fixtures/build.js';
import type { ActivityItem } from '../../src/activity/index.js';
import { AgentTurn } from '../turn/AgentTurn.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';

function renderEvents(build: (log: ReturnType<typeof createEventLog>) => void) {
  const log = createEventLog();
  log.status('running');
  build(log);
  const stores = createTestRuntime({ events: log.events });
  renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, stores);
  return stores;
}

describe('cards the recordings do not show', () => {
  it('plan: a checklist with a status per entry', () => {
    renderEvents((log) => log.plan([{ content: 'Read the code', status: 'completed' }, { content: 'Fix the bug', status: 'in_progress' }, { content: 'Run tests' }]));
    const plan = screen.getByRole('region', { name: 'Plan' });
    expect(within(plan).getByText('Plan (1/3 done)')).toBeInTheDocument();
    expect(within(plan).getAllByRole('listitem').map((item) => item.dataset.status)).toEqual(['completed', 'in_progress', 'pending']);
  });

  it('read, fetch, think and generic tools: title, kind, status, raw input and output', async () => {
    renderEvents((log) => {
      log.toolCall('r1', { kind: 'search', title: 'Search for TODO', locations: [{ path: 'src/a.ts', line: 3 }] });
      log.toolCall('f1', { kind: 'fetch', title: 'https://example.com', status: 'completed', rawInput: { url: 'https://example.com' }, rawOutput: { status: 200 } });
      log.toolCall('k1', { kind: 'think', title: 'Considering options' });
      log.toolCall('g1', { kind: 'other', title: 'mcp: query', status: 'failed', rawInput: { sql: 'select 1' }, rawOutput: { error: 'denied' } });
    });
    expect(screen.getByRole('region', { name: 'Search: Search for TODO' })).toHaveTextContent('running');
    await userEvent.click(within(screen.getByRole('region', { name: 'Search: Search for TODO' })).getByRole('button', { name: /expand/i }));
    expect(screen.getByRole('list', { name: 'Locations' })).toHaveTextContent('src/a.ts:3');
    expect(screen.getByRole('region', { name: 'Think: Considering options' })).toBeInTheDocument();
    const fetch = screen.getByRole('region', { name: 'Fetch: https://example.com' });
    await userEvent.click(within(fetch).getByRole('button', { name: /expand/i }));
    expect(within(fetch).getByLabelText('Raw output')).toHaveTextContent('"status": 200');
    // a failed tool opens by itself, showing its kind and raw payloads
    const tool = screen.getByRole('region', { name: 'Tool: mcp: query' });
    expect(within(tool).getByText('other')).toBeInTheDocument();
    expect(within(tool).getByText('failed')).toBeInTheDocument();
    expect(within(tool).getByLabelText('Raw input')).toHaveTextContent('select 1');
  });

  it('notice and unknown updates stay visible', async () => {
    renderEvents((log) => {
      log.notice('warning', 'This agent does not accept images; the image was left out.');
      log.update({ sessionUpdate: 'brand_new_update', payload: { x: 1 } });
    });
    expect(screen.getByRole('region', { name: 'Notice' })).toHaveTextContent('does not accept images');
    const unknown = screen.getByRole('region', { name: 'Unknown item' });
    await userEvent.click(within(unknown).getByRole('button', { name: /expand/i }));
    expect(within(unknown).getByLabelText('Raw payload')).toHaveTextContent('brand_new_update');
  });

  it('a broken item shows "could not show this item" with its raw JSON; the rest renders', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stores = renderEvents((log) => {
      log.toolCall('c1', { kind: 'execute', title: 'ls', rawInput: { command: 'ls' } });
      log.agentMessage('still here', 'm1');
    });
    act(() =>
      stores.turns.setState((draft) => {
        const item = draft.turns.t1.items.c1 as ActivityItem & { output?: unknown };
        item.output = undefined; // a corrupt item, as a reducer bug could leave it
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/Could not show this item/);
    expect(screen.getByLabelText('Raw item')).toHaveTextContent('"toolCallId": "c1"');
    expect(screen.getByText('still here')).toBeInTheDocument();
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('a 5,000-line diff renders its header at once and the diff only on request', async () => {
    const before = Array.from({ length: 5000 }, (_, index) => `line ${index}`).join('\n') + '\n';
    const after = Array.from({ length: 5000 }, (_, index) => (index % 50 === 0 ? `changed ${index}` : `line ${index}`)).join('\n') + '\n';
    renderEvents((log) => log.toolCall('d1', { kind: 'edit', title: 'Big edit', content: [{ type: 'diff', path: 'big.txt', oldText: before, newText: after }] }));
    const card = screen.getByRole('region', { name: 'Edit: Big edit' });
    expect(await within(card).findByLabelText('100 lines added')).toBeInTheDocument();
    expect(card.querySelector('.d2h-file-wrapper')).toBeNull();
    await userEvent.click(within(card).getByRole('button', { name: /Show diff \(/ }));
    expect(card.querySelector('.d2h-file-wrapper')).not.toBeNull();
  });

  it('a new or deleted file is labelled added / deleted by diff2html, never renamed', async () => {
    renderEvents((log) =>
      log.toolCall('d2', {
        kind: 'edit',
        title: 'Add and remove',
        content: [
          { type: 'diff', path: 'fresh.md', oldText: null, newText: '# Fresh\n' },
          { type: 'diff', path: 'gone.md', oldText: 'old\n', newText: null },
        ],
      }),
    );
    const card = screen.getByRole('region', { name: 'Edit: Add and remove' });
    await within(card).findByLabelText('1 lines removed');
    const tags = [...card.querySelectorAll('.d2h-tag')].map((tag) => tag.textContent);
    expect(tags).toEqual(['ADDED', 'DELETED']);
  });

  it('the turn summary counts only applied edits: a rejected edit changed no file', () => {
    const edit = (id: string, path: string) => ({ toolCallId: id, kind: 'edit' as const, title: `Edit ${path}`, content: [{ type: 'diff' as const, path, oldText: 'a\n', newText: 'a\nb\n' }] });
    renderEvents((log) => {
      log.toolCall('kept', edit('kept', 'kept.md'));
      log.toolCall('refused', { ...edit('refused', 'refused.md'), status: 'pending' });
      log.permission('p1', edit('refused', 'refused.md'), CODEX_COMMAND_OPTIONS);
      log.permission('p1', edit('refused', 'refused.md'), CODEX_COMMAND_OPTIONS, { state: 'selected', optionId: 'cancel', decidedAt: '2026-01-01T12:10:00.000Z' });
      log.toolCallUpdate('kept', { status: 'completed' });
      log.result('end_turn');
      log.status('completed');
    });
    expect(screen.getByLabelText('Turn summary')).toHaveTextContent('1 file changed +1 −0');
    expect(screen.getByLabelText('Turn summary')).not.toHaveTextContent('refused.md');
  });
});
