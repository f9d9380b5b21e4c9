import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { QueuedTurn } from '../../src/protocol/index.js';
import { QueueList } from './QueueList.js';

const queued = (turnId: string, position: number, text: string): QueuedTurn => ({ turnId, position, text, userDate: '2026-01-01T12:00:00.000Z', accountId: 'alice' });

function itemTexts(): string[] {
  return within(screen.getByRole('region', { name: 'Queued messages' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('QueueList', () => {
  it('lists the queue by position whatever order it comes in, with its count', () => {
    render(<QueueList queue={[queued('c', 3, 'third'), queued('a', 1, 'first'), queued('b', 2, 'second')]} onCancel={() => {}} />);
    expect(itemTexts()).toEqual(['#1firstCancel', '#2secondCancel', '#3thirdCancel']);
    expect(screen.getByText(/^Queued \(3\):/)).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'Queued message 2' })).toHaveTextContent('second');
  });

  it('renders nothing for an empty queue', () => {
    const { container } = render(<QueueList queue={[]} onCancel={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('cancels the message of the button clicked, shows it loading until the answer, then ready again', async () => {
    const cancelled: string[] = [];
    let answer: (cancelled: boolean) => void = () => {};
    const onCancel = (turnId: string) => {
      cancelled.push(turnId);
      return new Promise<boolean>((resolve) => (answer = resolve));
    };
    render(<QueueList queue={[queued('a', 1, 'first'), queued('b', 2, 'second')]} onCancel={onCancel} />);
    const second = screen.getByRole('button', { name: 'Cancel queued message 2' });
    await userEvent.click(second);
    expect(cancelled).toEqual(['b']);
    expect(second).toHaveClass('ant-btn-loading');
    expect(screen.getByRole('button', { name: 'Cancel queued message 1' })).not.toHaveClass('ant-btn-loading');
    answer(false); // refused (already started): the list itself comes from the parent, the button is usable again
    await expect.poll(() => second.classList.contains('ant-btn-loading')).toBe(false);
    expect(itemTexts()).toHaveLength(2);
  });

  it('shows hostile message text as text', () => {
    render(<QueueList queue={[queued('x', 1, '<img src=x onerror=alert(1)>')]} onCancel={() => {}} />);
    expect(itemTexts()).toEqual(['#1<img src=x onerror=alert(1)>Cancel']);
    expect(document.querySelector('img')).toBeNull();
  });
});
