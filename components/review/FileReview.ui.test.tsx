import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createEventLog } from '../../fixtures/build.js';
import type { CodexRuntimeOptions } from '../../stores/runtime/index.js';
import type { DiffItem } from '../../src/activity/index.js';
import { useTurn } from '../../stores/hooks/useTurn.js';
import { DiffCard } from '../cards/DiffCard.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { TurnFooter } from '../turn/TurnFooter.js';

const OLD = `${Array.from({ length: 12 }, (_, index) => `line ${index}`).join('\n')}\n`;
const NEW = OLD.replace('line 1\n', 'line 1 top\n').replace('line 10\n', 'line 10 bottom\n');

// The hub is tested for real in src/hub/revert-hunks.test.ts; here only the call and its answer matter.
function recordingApi(answer: (params: Record<string, unknown>) => unknown = () => ({ ok: true })) {
  const calls: Array<{ method: string; params: Record<string, unknown> }> = [];
  const api = {
    call: async (method: string, params: Record<string, unknown>) => {
      calls.push({ method, params });
      return answer(params);
    },
    on: () => () => {},
    subscribeTurn: () => () => {},
    connectionState: () => ({ type: 'open' }),
    onConnectionChange: () => () => {},
    close: () => {},
  } as unknown as NonNullable<CodexRuntimeOptions['api']>;
  return { api, calls };
}

function editTurn(ended = true) {
  const log = createEventLog();
  log.status('running');
  log.toolCall('d1', { kind: 'edit', title: 'Edit notes.md', status: 'completed', content: [{ type: 'diff', path: 'notes.md', oldText: OLD, newText: NEW }] });
  if (ended) {
    log.result('end_turn');
    log.status('completed');
  }
  return log;
}

function LiveCard({ live }: { live: boolean }) {
  const item = useTurn('t1')?.items.d1 as DiffItem;
  return <DiffCard turnId="t1" item={item} live={live} />;
}

const review = (hunks: number[], decision: string) => ({ type: 'review', itemId: 'd1', file: 'notes.md', hunks, decision, decidedBy: 'me', decidedAt: '2026-01-01T12:00:00.000Z' });

describe('per-hunk review in the diff card', () => {
  it('Discard on hunk 2 asks the hub for that hunk only; the turn\'s review event then shows "Hunk 2 discarded by You"', async () => {
    const log = editTurn();
    const { api, calls } = recordingApi();
    const runtime = createTestRuntime({ api, events: log.events, seed: { accountId: 'me' } });
    renderWithRuntime(<LiveCard live={false} />, runtime);
    const card = screen.getByRole('region', { name: 'Edit: Edit notes.md' });
    await userEvent.click(await within(card).findByRole('button', { name: 'Discard hunk 2' }));
    expect(calls).toEqual([{ method: 'files.reviewHunks', params: { turnId: 't1', itemId: 'd1', file: 'notes.md', hunks: [1], decision: 'discard' } }]);
    act(() => runtime.turns.getState().ingestEvents('t1', [{ seq: log.events.length, t: 2, ...review([1], 'discard') } as never]));
    expect(within(card).getByText(/Hunk 2 discarded by You/)).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Discard hunk 2' })).toBeNull();
    expect(within(card).getByRole('button', { name: 'Keep hunk 1' })).toBeEnabled();
    expect(within(card).getByText('2 hunks: 1 discarded, 1 to review')).toBeInTheDocument();
  });

  it('a refused discard says the file changed since the agent\'s edit and shows its current text', async () => {
    const { api } = recordingApi(() => ({ ok: false, conflict: "the file changed since the agent's edit (hunk 1 is no longer in it)", currentText: 'my own text\n' }));
    renderWithRuntime(<LiveCard live={false} />, createTestRuntime({ api, events: editTurn().events, seed: { accountId: 'me' } }));
    await userEvent.click(await screen.findByRole('button', { name: 'Discard hunk 1' }));
    expect(await screen.findByText(/Not discarded: the file changed since the agent's edit/)).toBeInTheDocument();
    expect(screen.getByLabelText('Current text of notes.md')).toHaveTextContent('my own text');
  });

  it('a running turn offers no review buttons (the agent may still edit the file)', async () => {
    renderWithRuntime(<LiveCard live />, createTestRuntime({ events: editTurn(false).events }));
    expect(await screen.findByLabelText('2 lines added')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /hunk/ })).toBeNull();
  });

  it('"Review changes" in the footer lists the turn\'s files; Discard file sends every hunk not yet discarded', async () => {
    const log = editTurn();
    log.raw(review([0], 'keep'));
    const { api, calls } = recordingApi();
    const runtime = createTestRuntime({ api, events: log.events, seed: { accountId: 'me' } });
    renderWithRuntime(<TurnFooter view={runtime.turns.getState().turns.t1!} turnId="t1" />, runtime);
    await userEvent.click(screen.getByRole('button', { name: 'Review changes' }));
    const panel = await screen.findByRole('dialog', { name: 'Review changes' });
    expect(await within(panel).findByText(/Hunk 1 kept by You/)).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Discard every hunk of notes.md' }));
    expect(calls.at(-1)).toEqual({ method: 'files.reviewHunks', params: { turnId: 't1', itemId: 'd1', file: 'notes.md', hunks: [0, 1], decision: 'discard' } });
  });
});
