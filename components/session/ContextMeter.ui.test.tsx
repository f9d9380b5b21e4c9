import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContextMeter } from './ContextMeter.js';

const SIZE = 200_000;
const usageLeft = (percentLeft: number) => ({ used: SIZE * (1 - percentLeft / 100), size: SIZE });

describe('ContextMeter', () => {
  it.each([
    [100, 'ok', '0 / 200,000 · 100% left'],
    [31, 'ok', '138,000 / 200,000 · 31% left'],
    [30, 'warning', '140,000 / 200,000 · 30% left'],
    [15, 'critical', '170,000 / 200,000 · 15% left'],
    [0, 'critical', '200,000 / 200,000 · 0% left'],
  ])('%s %% left is %s', (percentLeft, level, text) => {
    render(<ContextMeter usage={usageLeft(percentLeft)} previousUsed={usageLeft(percentLeft).used} />);
    const meter = screen.getByRole('meter', { name: 'Context left' });
    expect(meter).toHaveAttribute('data-level', level);
    expect(meter).toHaveTextContent(new RegExp(`^${text}$`));
    expect(meter).toHaveAttribute('aria-valuenow', String(percentLeft));
  });

  it('is hidden when nothing is known', () => {
    const { container, rerender } = render(<ContextMeter usage={null} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<ContextMeter usage={{ used: 10, size: 0 }} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows exact tokens, the turn\'s delta, the cost and explains itself in a tooltip', async () => {
    render(<ContextMeter usage={{ used: 52_400, size: 258_400, cost: { amount: 0.125, currency: 'USD' } }} previousUsed={40_000} />);
    const meter = screen.getByRole('meter');
    expect(meter).toHaveTextContent('52,400 / 258,400 · 79.7% left · +12.4k this turn · 0.13 USD');
    await userEvent.hover(meter);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/52,400 of 258,400 tokens in use.*latest turn added 12,400 tokens.*Cost so far: 0.13 USD.*Warning at 30% left or less, critical at 15%/);
  });

  it('counts the whole context as the first turn\'s delta, and shows a compaction that freed tokens', async () => {
    const { rerender } = render(<ContextMeter usage={{ used: 9_000, size: 258_400 }} />);
    expect(screen.getByRole('meter')).toHaveTextContent('+9k this turn');
    rerender(<ContextMeter usage={{ used: 20_000, size: 258_400 }} previousUsed={180_000} compactions={1} />);
    const meter = screen.getByRole('meter');
    expect(meter).toHaveTextContent('20,000 / 258,400 · 92.2% left · −160k this turn · compacted 1×');
    expect(meter).toHaveAttribute('aria-description', expect.stringMatching(/freed 160,000 tokens.*compacted the context once/));
  });

  it('keeps % left, the delta and compactions when compact', () => {
    render(<ContextMeter usage={{ used: 52_400, size: 258_400 }} previousUsed={40_000} compactions={2} compact />);
    expect(screen.getByRole('meter')).toHaveTextContent(/^80% left · \+12.4k · compacted 2×$/);
  });
});
