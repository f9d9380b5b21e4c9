import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFixtureEvents } from '../../fixtures/data/read-fixtures.js';
import { AgentTurn } from './AgentTurn.js';
import { createTestRuntime, renderWithRuntime } from './testing/render-with-runtime.js';

function renderRecording(name: string) {
  const stores = createTestRuntime({ events: readFixtureEvents(name) });
  const view = renderWithRuntime(<AgentTurn turnId="t1" agentLabel="Codex" />, stores);
  return { stores, view };
}

async function openActivity() {
  await userEvent.click(screen.getByRole('button', { name: /show activity/i }));
}

describe('AgentTurn from the recordings', () => {
  it('hello: reasoning in the fold, the answer outside it, header and footer', async () => {
    renderRecording('hello');
    const answer = screen.getByLabelText('Final answer');
    expect(within(answer).getByText('Hello from the scripted model!')).toBeInTheDocument();
    expect(screen.getByText('Worked for 0:00')).toBeInTheDocument();
    expect(screen.getByText('4k in · 400 out')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Reasoning' })).not.toBeInTheDocument();
    await openActivity();
    const reasoning = screen.getByRole('region', { name: 'Reasoning' });
    expect(within(reasoning).getByText('Greeting')).toBeInTheDocument();
    await userEvent.click(within(reasoning).getByRole('button', { name: /expand reasoning/i }));
    expect(within(reasoning).getByText(/The user says hello/)).toBeInTheDocument();
  });

  it('run-ls: the command with ANSI colours as styled spans and its exit code', async () => {
    renderRecording('run-ls');
    await openActivity();
    const card = screen.getByRole('region', { name: /^Command: List files/ });
    expect(within(card).getByText('exit 0')).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: /expand command/i }));
    const output = within(card).getByLabelText(/command output/i);
    const coloured = [...output.querySelectorAll('span[style]')].map((span) => (span as HTMLElement).style.color);
    expect(coloured.some((color) => color.startsWith('rgb'))).toBe(true);
    expect(output.textContent).not.toContain('\u001b');
  });

  it('run-ls: copy puts the kept output (with its ANSI codes) on the clipboard', async () => {
    const user = userEvent.setup();
    renderRecording('run-ls');
    await user.click(screen.getByRole('button', { name: /show activity/i }));
    const card = screen.getByRole('region', { name: /^Command: List files/ });
    await user.click(within(card).getByRole('button', { name: /expand command/i }));
    await user.click(within(card).getByRole('button', { name: /Copy/ }));
    expect(await within(card).findByRole('button', { name: /Copied/ })).toBeInTheDocument();
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('-rw-r--r--  1 root root    8 Nov 21 06:49 a.txt');
    expect(copied).toContain('\u001b[32mgreen\u001b[0m');
  });

  it('edit-file: per-file counts, new-file mark, diff2html output and the turn summary', async () => {
    renderRecording('edit-file');
    expect(screen.getByText('2 files changed +5 −1')).toBeInTheDocument();
    await openActivity();
    const card = screen.getByRole('region', { name: 'Edit: Editing files' });
    const notes = card.querySelector('[data-path="notes.md"]') as HTMLElement;
    expect(within(notes).getByText('new')).toBeInTheDocument();
    expect(within(notes).getByLabelText('3 lines added')).toBeInTheDocument();
    const a = card.querySelector('[data-path="a.txt"]') as HTMLElement;
    expect(within(a).getByLabelText('2 lines added')).toBeInTheDocument();
    expect(within(a).getByLabelText('1 lines removed')).toBeInTheDocument();
    expect(card.querySelectorAll('.d2h-file-wrapper')).toHaveLength(2);
    await userEvent.click(within(card).getByText('Side by side'));
    expect(card.querySelectorAll('.d2h-file-side-diff').length).toBeGreaterThan(0);
  });

  it('multi-message: every agent message is visible, even with the fold closed', () => {
    renderRecording('multi-message');
    expect(screen.getByText('First, I will check the date.')).toBeInTheDocument();
    expect(screen.getByText('Second, I will count files.')).toBeInTheDocument();
    expect(within(screen.getByLabelText('Final answer')).getByText(/Third and final/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Command:/ })).not.toBeInTheDocument();
  });

  it('escalate: the decided permission says who chose what', async () => {
    renderRecording('escalate');
    await openActivity();
    const card = screen.getByRole('region', { name: /^Permission request/ });
    expect(within(card).getByText('$ touch ../outside-workspace-file')).toBeInTheDocument();
    expect(within(card).getByRole('status')).toHaveTextContent('recorder approved “Yes, proceed”');
    expect(within(card).queryByRole('button', { name: 'Yes, proceed' })).not.toBeInTheDocument();
  });

  it('slow-cancel: the stopped outcome and the command closed as cancelled', async () => {
    renderRecording('slow-cancel');
    expect(screen.getByText('Stopped')).toBeInTheDocument();
    expect(screen.getByText('Worked for 0:03')).toBeInTheDocument();
    await openActivity();
    const card = screen.getByRole('region', { name: /^Command: sleep 60/ });
    expect(within(card).getByText('cancelled')).toBeInTheDocument();
  });

  it('long-output: a visible note with the dropped amount; the DOM stays bounded', async () => {
    renderRecording('long-output');
    await openActivity();
    const card = screen.getByRole('region', { name: 'Command: seq 1 200000' });
    await userEvent.click(within(card).getByRole('button', { name: /expand command/i }));
    expect(within(card).getByRole('note')).toHaveTextContent('Output cut: 1,157,823 of');
    expect(within(card).getByLabelText(/last lines/).textContent).toMatch(/199999\n200000$/);
    await userEvent.click(within(card).getByRole('button', { name: 'Show full output' }));
    const full = within(card).getByLabelText('Command output');
    expect(full).toHaveTextContent('characters cut here');
    expect(full.textContent!.length).toBeLessThan(200_000);
  });

  it('reload-load: a replayed session shows the user message too', () => {
    renderRecording('reload-load');
    expect(screen.getByRole('region', { name: 'User message' })).toHaveTextContent('scenario:multi-message');
  });

  it('announces turn start and end in the log, not the cards', () => {
    renderRecording('hello');
    const log = screen.getByRole('log', { name: 'Turn activity' });
    expect(log).toHaveTextContent('Turn started.');
    expect(log).toHaveTextContent('Turn ended.');
    expect(log.querySelector('[aria-live="off"]')).not.toBeNull();
  });
});
