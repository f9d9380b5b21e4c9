import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createEventLog } from '../../fixtures/build.js';
import { countFileDiffComputations, selectFileDiffTotals } from '../../src/activity/index.js';
import { diffLines } from '../../stores/room/diff-lines.js';
import { selectAppliedDiffTotals } from '../../stores/turns/index.js';
import { cardKey } from '../../stores/view/index.js';
import { AgentTurn } from '../turn/AgentTurn.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';

const lines = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('\n') + '\n';

function renderEdit(oldText: string, newText: string, options: { collapsed?: boolean; ended?: boolean } = {}) {
  const log = createEventLog();
  log.status('running');
  log.toolCall('d1', { kind: 'edit', title: 'Rewrite', status: 'completed', content: [{ type: 'diff', path: 'big.ts', oldText, newText }] });
  if (options.ended) {
    log.result('end_turn');
    log.status('completed');
  }
  const runtime = createTestRuntime({ events: log.events });
  if (options.collapsed) runtime.view.getState().setExpanded(cardKey('t1', 'd1'), false);
  const { unmount } = renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, runtime);
  return { runtime, unmount, card: () => screen.getByRole('region', { name: 'Edit: Rewrite' }) };
}

// Lets scheduled (idle-time) work run, as a browser would between frames.
const idle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('DiffCard', () => {
  it('the card, the turn footer and the export count the same lines', async () => {
    const before = lines(600, (index) => `line ${index}`);
    const after = lines(640, (index) => (index % 37 === 0 ? `changed ${index}` : `line ${index}`));
    // An ended turn folds its cards away and shows the footer; a running one shows the card.
    const { runtime, unmount } = renderEdit(before, after, { ended: true });
    const file = { path: 'big.ts', oldText: before, newText: after, change: 'update' as const };
    const { additions, deletions } = selectFileDiffTotals(file);
    expect([additions, deletions]).toEqual([57, 17]);
    const exported = diffLines(before, after).split('\n');
    expect([exported.filter((line) => line.startsWith('+')).length, exported.filter((line) => line.startsWith('-')).length]).toEqual([additions, deletions]);
    expect(selectAppliedDiffTotals(runtime.turns.getState().turns.t1!)).toMatchObject({ additions, deletions });
    expect(screen.getByLabelText('Turn summary')).toHaveTextContent(`1 file changed +${additions} −${deletions}`);
    unmount();
    const { card } = renderEdit(before, after);
    expect(await within(card()).findByLabelText(`${additions} lines added`)).toBeInTheDocument();
    expect(card()).toHaveTextContent(`1 file +${additions} −${deletions}`);
  });

  it('a collapsed card computes no diff; expanding it computes it once, after the render', async () => {
    const before = lines(300, (index) => `collapsed ${index}`);
    const after = lines(300, (index) => (index === 150 ? 'edited' : `collapsed ${index}`));
    const start = countFileDiffComputations();
    const { card } = renderEdit(before, after, { collapsed: true });
    await idle();
    expect(countFileDiffComputations()).toBe(start);
    expect(within(card()).getByRole('button', { name: /expand/i })).toHaveTextContent(/1 file$/);
    await userEvent.click(within(card()).getByRole('button', { name: /expand/i }));
    expect(await within(card()).findByLabelText('1 lines added')).toBeInTheDocument();
    expect(countFileDiffComputations()).toBe(start + 1);
    expect(card()).toHaveTextContent('1 file +1 −1');
  });

  it('a diff too large to draw says so and offers the new file or both, as plain text', async () => {
    const before = lines(5000, (index) => `old ${index}`);
    const after = lines(5000, (index) => `new ${index}`);
    const { card } = renderEdit(before, after);
    expect(await within(card()).findByText('Diff too large to show (10,001 lines).')).toBeInTheDocument();
    expect(card().querySelector('.d2h-file-wrapper')).toBeNull();
    await userEvent.click(within(card()).getByRole('button', { name: 'Show the new file' }));
    expect(within(card()).getByLabelText('New file')).toHaveTextContent('new 4999');
    await userEvent.click(within(card()).getByRole('button', { name: 'Show both' }));
    expect(within(card()).getByLabelText('Old file')).toHaveTextContent('old 0');
    expect(within(card()).getByLabelText('New file')).toHaveTextContent('new 0');
  });
});
