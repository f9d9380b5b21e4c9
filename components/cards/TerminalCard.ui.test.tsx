import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createEventLog } from '../../fixtures/build.js';
import { AgentTurn } from '../turn/AgentTurn.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';

function renderCommand(fields: Record<string, unknown>) {
  const log = createEventLog();
  log.status('running');
  log.toolCall('call_1', { kind: 'execute', title: 'List files', ...fields });
  renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, createTestRuntime({ events: log.events }));
  return screen.getByRole('region', { name: /^Command:/ });
}

describe('TerminalCard header', () => {
  it('shows the command itself, with the agent\'s title as a caption', () => {
    const card = renderCommand({ rawInput: { command: 'ls -la && printf "done\\n"', cwd: '/workspace' } });
    const toggle = within(card).getByRole('button', { name: /expand command|collapse command/i });
    expect(within(toggle).getByText('$ ls -la && printf "done\\n"')).toBeInTheDocument();
    expect(within(toggle).getByText('List files')).toHaveClass('cc-terminal-caption');
  });

  it('shows the title, not dressed as a command, when the agent reported no command line', async () => {
    const card = renderCommand({});
    const toggle = within(card).getByRole('button', { name: /expand command|collapse command/i });
    expect(toggle).toHaveTextContent('List files');
    expect(toggle).not.toHaveTextContent('$');
    if (toggle.getAttribute('aria-expanded') === 'false') await userEvent.click(toggle);
    expect(within(card).getByText(/did not report the command line/)).toBeInTheDocument();
  });
});
