import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createEventLog } from '../../fixtures/build.js';
import { readFixtureEvents } from '../../fixtures/data/read-fixtures.js';
import { AgentTurn } from './AgentTurn.js';
import { createTestRuntime, renderWithRuntime } from './testing/render-with-runtime.js';

describe('ActivityFilters', () => {
  it('narrows the fold to reasoning / commands / edits / errors, messages stay', async () => {
    const events = [...readFixtureEvents('run-ls').slice(0, -2)];
    const log = createEventLog();
    log.toolCall('bad', { kind: 'execute', title: 'false', rawInput: { command: 'false' } });
    log.terminalExit('bad', 1);
    log.toolCall('edit', { kind: 'edit', title: 'Edit b.txt', content: [{ type: 'diff', path: 'b.txt', oldText: 'a\n', newText: 'b\n' }] });
    const extra = log.events.map((event, index) => ({ ...event, seq: events.length + index }));
    renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, createTestRuntime({ events: [...events, ...extra] }));
    const visible = () => [...document.querySelectorAll('.cc-turn-activity [data-kind]')].map((node) => (node as HTMLElement).dataset.kind);
    expect(visible()).toEqual(['reasoning', 'terminal', 'terminal', 'diff']);
    const commands = screen.getByRole('button', { name: 'Commands' });
    await userEvent.click(commands);
    expect(commands).toHaveAttribute('aria-pressed', 'true');
    expect(visible()).toEqual(['terminal', 'terminal']);
    await userEvent.click(screen.getByRole('button', { name: 'Commands' }));
    await userEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(screen.getAllByRole('region', { name: /^Command:/ }).map((node) => node.getAttribute('aria-label'))).toEqual(['Command: false']);
    await userEvent.click(screen.getByRole('button', { name: 'Edits' }));
    expect(visible()).toEqual(['terminal', 'diff']);
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(visible()).toHaveLength(4);
    expect(screen.getByText('I listed the files. The workspace has the files shown above.')).toBeInTheDocument();
  });
});
