import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionButton } from './SessionButton.js';

describe('SessionButton', () => {
  it('always shows the current mode, model, reasoning and context left', async () => {
    const onClick = vi.fn();
    const { rerender } = render(<SessionButton config={{ agent: 'codex', model: 'gpt-5.5', reasoning: 'medium', sessionMode: 'read-only' }} usage={{ used: 15_400, size: 258_400 }} onClick={onClick} />);
    expect(screen.getByRole('button')).toHaveTextContent('Read only · gpt-5.5 · medium reasoning');
    expect(screen.getByRole('meter')).toHaveTextContent('94% left');
    rerender(<SessionButton config={{ agent: 'codex', model: 'gpt-6-astra', reasoning: 'high', sessionMode: 'full-access' }} usage={{ used: 250_000, size: 258_400 }} onClick={onClick} />);
    expect(screen.getByRole('button')).toHaveTextContent('Full access · gpt-6-astra · high reasoning');
    expect(screen.getByRole('meter')).toHaveAttribute('data-level', 'critical');
    await userEvent.click(screen.getByRole('button'));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('says "default" for unset values and hides an unknown meter', () => {
    render(<SessionButton config={{ agent: 'demo', model: '', sessionMode: '' }} onClick={() => {}} />);
    expect(screen.getByRole('button')).toHaveTextContent('default mode · default model');
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });

  it('shows the model and reasoning the agent reported when the config leaves them unset', () => {
    const { rerender } = render(<SessionButton config={{ agent: 'demo', model: '', sessionMode: 'workspace-write' }} reported={{ model: 'demo-fast', reasoning: 'low' }} onClick={() => {}} />);
    expect(screen.getByRole('button')).toHaveTextContent('Workspace write · demo-fast · low reasoning');
    // a chosen value wins over the reported one
    rerender(<SessionButton config={{ agent: 'demo', model: 'demo-smart', sessionMode: 'workspace-write' }} reported={{ model: 'demo-fast', reasoning: null }} onClick={() => {}} />);
    expect(screen.getByRole('button')).toHaveTextContent('Workspace write · demo-smart');
  });
});
