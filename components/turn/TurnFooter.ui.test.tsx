import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { createEventLog } from '../../fixtures/build.js';
import { createTurnView, reduceTurnEvents } from '../../src/activity/index.js';
import { TurnFooter } from './TurnFooter.js';

describe('TurnFooter', () => {
  it('shows tokens in/out and the context after the turn with the meter\'s rounding, and the cost', () => {
    const log = createEventLog(1_000);
    log.status('running');
    log.usage(52_400, 258_400, { amount: 0.125, currency: 'USD' });
    log.result('end_turn', { inputTokens: 12_400, outputTokens: 950, totalTokens: 13_350 });
    log.status('completed');
    render(<TurnFooter view={reduceTurnEvents(createTurnView(), log.events)} />);
    const footer = screen.getByRole('contentinfo', { name: 'Turn summary' });
    expect(footer).toHaveTextContent('12.4k in · 950 out');
    expect(footer).toHaveTextContent('context 52.4k / 258k · 0.13 USD');
  });

  it('leaves the context out when the agent reported no usage', () => {
    const log = createEventLog();
    log.status('running');
    log.status('completed');
    render(<TurnFooter view={reduceTurnEvents(createTurnView(), log.events)} />);
    expect(screen.getByRole('contentinfo', { name: 'Turn summary' })).not.toHaveTextContent('context');
  });
});
