import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { createEventLog } from '../../fixtures/build.js';
import { AgentTurn } from './AgentTurn.js';
import { createTestRuntime, renderWithRuntime } from './testing/render-with-runtime.js';

describe('TurnHeader', () => {
  it('counts "Worked for" from the turn\'s start, not from when it was queued', () => {
    const log = createEventLog(1_000);
    log.status('queued');
    log.raw({ type: 'status', state: 'starting', t: 11_000 });
    log.raw({ type: 'status', state: 'running', t: 11_200 });
    log.agentMessage('hello');
    log.raw({ type: 'status', state: 'completed', t: 12_100 });
    renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, createTestRuntime({ events: log.events }));
    expect(screen.getByText('Worked for 0:01')).toBeInTheDocument();
  });

  it('says a queued turn is waiting to start', () => {
    const log = createEventLog(1_000);
    log.status('queued');
    renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, createTestRuntime({ events: log.events }));
    expect(screen.getByText('Waiting to start')).toBeInTheDocument();
  });
});
