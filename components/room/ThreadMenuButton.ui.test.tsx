import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ThreadMenuButton } from './ThreadMenuButton.js';

const ITEMS = [
  { key: 'rename', label: 'Rename' },
  { key: 'pin', label: 'Pin' },
];

describe('ThreadMenuButton (its Dropdown mounted on first use)', () => {
  it('opens on the first click, picks, closes, and opens again', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    render(<ThreadMenuButton label="T" items={ITEMS} onPick={onPick} />);
    expect(screen.queryByText('Pin')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Actions for T' }));
    await user.click(await screen.findByText('Pin'));
    expect(onPick).toHaveBeenLastCalledWith('pin');
    await user.click(screen.getByRole('button', { name: 'Actions for T' }));
    await user.click(await screen.findByText('Rename'));
    expect(onPick).toHaveBeenLastCalledWith('rename');
    expect(onPick).toHaveBeenCalledTimes(2);
  });

  it('opens from the keyboard and keeps the focus on the button', async () => {
    const user = userEvent.setup();
    render(<ThreadMenuButton label="T" items={ITEMS} onPick={() => {}} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Actions for T' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Rename')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Actions for T' })).toHaveFocus());
  });
});
