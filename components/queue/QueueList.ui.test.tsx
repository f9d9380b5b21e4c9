import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
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

  describe('as a plan', () => {
    const plan = () => ({ onCancel: vi.fn(), onMove: vi.fn(async () => true), onEdit: vi.fn(async () => true), onSendNow: vi.fn(async () => true), onPause: vi.fn(async () => true) });
    const three = [queued('a', 1, 'first'), queued('b', 2, 'second'), queued('c', 3, 'third')];

    it('numbers the messages and moves one with its up / down buttons (none past the ends)', async () => {
      const handlers = plan();
      render(<QueueList queue={three} {...handlers} />);
      expect(screen.getAllByRole('listitem').map((item) => item.querySelector('.cc-queue-position')?.textContent)).toEqual(['#1', '#2', '#3']);
      expect(screen.getByRole('button', { name: 'Move queued message 1 up' })).toBeDisabled();
      expect(screen.getByRole('button', { name: 'Move queued message 3 down' })).toBeDisabled();
      await userEvent.click(screen.getByRole('button', { name: 'Move queued message 3 up' }));
      await userEvent.click(screen.getByRole('button', { name: 'Move queued message 1 down' }));
      expect(handlers.onMove.mock.calls).toEqual([['c', 1], ['a', 1]]);
    });

    it('moves the focused message with Alt+↑ / Alt+↓ and keeps the focus on it in the new order', async () => {
      const handlers = plan();
      const { rerender } = render(<QueueList queue={three} {...handlers} />);
      const third = screen.getByRole('listitem', { name: 'Queued message 3' });
      third.focus();
      await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
      expect(handlers.onMove).toHaveBeenLastCalledWith('c', 1);
      await userEvent.keyboard('{ArrowUp}'); // without Alt: nothing
      expect(handlers.onMove).toHaveBeenCalledTimes(1);
      rerender(<QueueList queue={[queued('a', 1, 'first'), queued('c', 2, 'third'), queued('b', 3, 'second')]} {...handlers} />);
      expect(document.activeElement).toHaveAttribute('data-turn-id', 'c');
      expect(document.activeElement).toHaveAccessibleName('Queued message 2');
      await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
      expect(handlers.onMove).toHaveBeenLastCalledWith('c', 2);
    });

    it('moves a message dropped on another one to that place', () => {
      const handlers = plan();
      render(<QueueList queue={three} {...handlers} />);
      const [first, , last] = screen.getAllByRole('listitem');
      expect(last).toHaveAttribute('draggable', 'true');
      fireEvent.dragStart(last, { dataTransfer: { setData: () => {}, effectAllowed: '' } });
      fireEvent.dragOver(first);
      fireEvent.drop(first);
      expect(handlers.onMove).toHaveBeenCalledWith('c', 0);
    });

    it('edits a message in place: Save sends the new text, Escape or Discard keeps the old one', async () => {
      const handlers = plan();
      render(<QueueList queue={three} {...handlers} />);
      await userEvent.click(screen.getByRole('button', { name: 'Edit queued message 2' }));
      const box = screen.getByRole('textbox', { name: 'Edit queued message 2' });
      expect(box).toHaveValue('second');
      expect(box).toHaveFocus();
      await userEvent.keyboard('{Escape}');
      expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Edit queued message 2' }));
      await userEvent.clear(screen.getByRole('textbox', { name: 'Edit queued message 2' }));
      expect(screen.getByRole('button', { name: 'Save queued message 2' })).toBeDisabled(); // never an empty message
      await userEvent.type(screen.getByRole('textbox', { name: 'Edit queued message 2' }), 'second, with tests{Enter}');
      expect(handlers.onEdit).toHaveBeenCalledWith('b', 'second, with tests');
      await expect.poll(() => screen.queryByRole('textbox')).toBeNull();
    });

    it('keeps the draft when the hub refuses the edit (the turn started meanwhile)', async () => {
      const handlers = { ...plan(), onEdit: vi.fn(async () => false) };
      render(<QueueList queue={three} {...handlers} />);
      await userEvent.click(screen.getByRole('button', { name: 'Edit queued message 1' }));
      await userEvent.type(screen.getByRole('textbox', { name: 'Edit queued message 1' }), ' again');
      await userEvent.click(screen.getByRole('button', { name: 'Save queued message 1' }));
      expect(handlers.onEdit).toHaveBeenCalledWith('a', 'first again');
      expect(screen.getByRole('textbox', { name: 'Edit queued message 1' })).toHaveValue('first again');
    });

    it('sends a message now, and pauses / resumes the queue', async () => {
      const handlers = plan();
      const { rerender } = render(<QueueList queue={three} {...handlers} />);
      await userEvent.click(screen.getByRole('button', { name: 'Send queued message 3 now' }));
      expect(handlers.onSendNow).toHaveBeenCalledWith('c');
      await userEvent.click(screen.getByRole('button', { name: 'Pause after this turn' }));
      expect(handlers.onPause).toHaveBeenLastCalledWith(true);
      rerender(<QueueList queue={three} paused {...handlers} />);
      expect(screen.getByText(/^Queue paused \(3\): nothing more is sent/)).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
      expect(handlers.onPause).toHaveBeenLastCalledWith(false);
    });

    it('shows a paused empty queue, so it can be resumed', () => {
      render(<QueueList queue={[]} paused {...plan()} />);
      expect(screen.getByRole('region', { name: 'Queued messages' })).toHaveTextContent('Queue paused (0)');
      expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
    });
  });
});
