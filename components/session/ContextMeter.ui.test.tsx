import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContextMeter } from './ContextMeter.js';

const SIZE = 200_000;
const usageLeft = (percentLeft: number) => ({ used: SIZE * (1 - percentLeft / 100), size: SIZE });

describe('ContextMeter', () => {
  it.each([
    [100, 'ok', '0 / 200k · 100% left'],
    [31, 'ok', '138k / 200k · 31% left'],
    [30, 'warning', '140k / 200k · 30% left'],
    [15, 'critical', '170k / 200k · 15% left'],
    [0, 'critical', '200k / 200k · 0% left'],
  ])('%s %% left is %s', (percentLeft, level, text) => {
    render(<ContextMeter usage={usageLeft(percentLeft)} />);
    const meter = screen.getByRole('meter', { name: 'Context left' });
    expect(meter).toHaveAttribute('data-level', level);
    expect(meter).toHaveTextContent(text);
    expect(meter).toHaveAttribute('aria-valuenow', String(percentLeft));
  });

  it('is hidden when nothing is known', () => {
    const { container, rerender } = render(<ContextMeter usage={null} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<ContextMeter usage={{ used: 10, size: 0 }} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows the cost and explains itself in a tooltip', async () => {
    render(<ContextMeter usage={{ used: 12_400, size: 258_400, cost: { amount: 0.125, currency: 'USD' } }} />);
    const meter = screen.getByRole('meter');
    expect(meter).toHaveTextContent('12k / 258k · 95% left · 0.13 USD');
    await userEvent.hover(meter);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/12,400 of 258,400 tokens in use.*Warning at 30% left or less, critical at 15%/);
  });
});
