import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createEventLog } from '../../fixtures/build.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { AgentTurn } from './AgentTurn.js';
import { createTestRuntime, renderWithRuntime } from './testing/render-with-runtime.js';

function runningTurn(startedAt: number, interrupt: () => Promise<Record<string, never>> = async () => ({})) {
  const fake = createFakeAcpApi({ 'turn.interrupt': () => interrupt() });
  const log = createEventLog(startedAt);
  log.status('starting');
  log.status('running');
  const stores = createTestRuntime({ api: fake.api, events: log.events });
  renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, stores);
  const ingest = (build: (next: ReturnType<typeof createEventLog>) => void) => {
    const more = createEventLog(startedAt + 1000);
    build(more);
    const events = more.events.map((event, index) => ({ ...event, seq: log.events.length + index }));
    act(() => stores.turns.getState().ingestEvents('t1', events));
  };
  return { fake, ingest };
}

describe('AgentTurn interrupt', () => {
  it('a short turn stops at once: Stopping... until the hub confirms, then Stopped', async () => {
    const { fake, ingest } = runningTurn(Date.now());
    expect(screen.getByText(/^Working \d:\d\d$/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Interrupt/ }));
    expect(fake.callsOf('turn.interrupt')).toEqual([{ turnId: 't1' }]);
    expect(screen.getByText('Stopping...')).toBeInTheDocument();
    ingest((log) => log.status('stopping'));
    expect(screen.getByText('Stopping...')).toBeInTheDocument();
    ingest((log) => {
      log.result('cancelled');
      log.status('cancelled');
    });
    expect(screen.getByText('Stopped')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Interrupt/ })).not.toBeInTheDocument();
  });

  it('a long turn asks first; a turn that had to be killed says so', async () => {
    const { fake, ingest } = runningTurn(Date.now() - 5 * 60_000);
    await userEvent.click(screen.getByRole('button', { name: /Interrupt/ }));
    expect(fake.callsOf('turn.interrupt')).toEqual([]);
    expect(await screen.findByText('Interrupt this turn?')).toBeInTheDocument();
    const confirm = screen.getAllByRole('button', { name: 'Interrupt' }).find((button) => button.closest('.ant-popconfirm'));
    await userEvent.click(confirm as HTMLElement);
    expect(fake.callsOf('turn.interrupt')).toEqual([{ turnId: 't1' }]);
    // What the hub logs when the agent ignores session/cancel (src/hub/turns/run-turn.ts).
    ingest((log) => {
      log.notice('warning', 'The agent did not stop within 3 s; its process was killed.');
      log.result('cancelled', undefined, { killed: true });
      log.status('cancelled');
    });
    expect(screen.getByText('Killed (the agent did not stop)')).toBeInTheDocument();
  });

  it('says who interrupted: "You" for this account, the name for another member', async () => {
    const { ingest } = runningTurn(Date.now());
    ingest((log) => log.raw({ type: 'status', state: 'stopping', by: 'test-account', t: Date.now() }));
    expect(screen.getByText('You interrupted')).toBeInTheDocument();
    ingest((log) => {
      log.result('cancelled');
      log.status('cancelled');
    });
    expect(screen.getByText('Stopped')).toBeInTheDocument();
    expect(screen.getByText('You interrupted')).toBeInTheDocument();
  });

  it('a refused interrupt shows why and offers the button again', async () => {
    runningTurn(Date.now(), async () => {
      throw new Error('turn not found');
    });
    await userEvent.click(screen.getByRole('button', { name: /Interrupt/ }));
    expect(await screen.findByText('Could not interrupt: turn not found')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Interrupt/ })).toBeEnabled();
  });
});
