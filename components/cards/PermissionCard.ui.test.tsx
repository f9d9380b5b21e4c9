import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CODEX_COMMAND_OPTIONS, createEventLog } from '../../fixtures/build.js';
import { readFixtureEvents } from '../../fixtures/data/read-fixtures.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { AgentTurn } from '../turn/AgentTurn.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';

function pendingEscalation(respond: (optionId: string) => Promise<Record<string, never>> = async () => ({})) {
  const fake = createFakeAcpApi({ 'permission.respond': ({ optionId }) => respond(optionId) });
  const events = readFixtureEvents('escalate');
  const pendingAt = events.findIndex((event) => event.type === 'permission');
  const stores = createTestRuntime({ api: fake.api, events: events.slice(0, pendingAt + 1) });
  renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, stores);
  return { fake, stores, events, pendingAt, card: screen.getByRole('region', { name: /^Permission request/ }) };
}

describe('PermissionCard', () => {
  it('offers every option, styled by kind, and answers on click', async () => {
    const { fake, stores, events, pendingAt, card } = pendingEscalation();
    const buttons = within(within(card).getByRole('group', { name: 'Approval options' })).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Yes, proceed', "Yes, and don't ask again for commands that start with `touch ../outside-workspace-file`", 'No, and tell Codex what to do differently']);
    expect(buttons.map((button) => button.dataset.kind)).toEqual(['allow_once', 'allow_always', 'reject_once']);
    expect(within(card).getByText('$ touch ../outside-workspace-file')).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Yes, proceed' }));
    expect(fake.callsOf('permission.respond')).toEqual([{ turnId: 't1', requestId: 'permission-9', optionId: 'allow_once' }]);
    expect(await within(card).findByText(/Answer sent/)).toBeInTheDocument();
    act(() => stores.turns.getState().ingestEvents('t1', events.slice(pendingAt + 1)));
    // the turn ended, so its fold closed; the decided request lives inside it
    await userEvent.click(screen.getByRole('button', { name: /show activity/i }));
    const decided = screen.getByRole('region', { name: /^Permission request/ });
    expect(within(decided).getByRole('status')).toHaveTextContent('recorder approved “Yes, proceed” at');
  });

  it('is reachable by keyboard: Tab to an option, Enter answers it', async () => {
    const { fake, card } = pendingEscalation();
    const reject = within(card).getByRole('button', { name: /No, and tell Codex/ });
    for (let presses = 0; presses < 30 && document.activeElement !== reject; presses += 1) await userEvent.tab();
    expect(reject).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(fake.callsOf('permission.respond')).toEqual([{ turnId: 't1', requestId: 'permission-9', optionId: 'cancel' }]);
  });

  it('shows a refused answer and lets the user try again', async () => {
    let attempts = 0;
    const { fake, card } = pendingEscalation(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('hub unreachable');
      return {};
    });
    await userEvent.click(within(card).getByRole('button', { name: 'Yes, proceed' }));
    expect(await within(card).findByText('Could not send your answer: hub unreachable')).toBeInTheDocument();
    // antd keeps the loading icon (and its label) while it animates out: match the option's own name
    await userEvent.click(within(card).getByRole('button', { name: /Yes, proceed$/ }));
    expect(fake.callsOf('permission.respond')).toHaveLength(2);
  });

  it('shows the diff an edit asks approval for', async () => {
    const log = createEventLog();
    log.status('running');
    log.permission('p1', { toolCallId: 'e1', kind: 'edit', title: 'Edit notes.md', content: [{ type: 'diff', path: 'notes.md', oldText: 'a\n', newText: 'a\nb\n' }] }, CODEX_COMMAND_OPTIONS);
    const { container } = renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, createTestRuntime({ events: log.events }));
    const card = screen.getByRole('region', { name: 'Permission request: Edit notes.md' });
    // The request's tool call is the edit card's too: the diff is shown there, once.
    expect(await screen.findByLabelText('1 lines added')).toBeInTheDocument();
    expect(container.querySelectorAll('.d2h-file-wrapper')).toHaveLength(1);
    expect(card.querySelector('.d2h-file-wrapper')).toBeNull();
    expect(within(card).getAllByRole('button', { name: /Yes, proceed|No, and tell/ })).toHaveLength(2);
  });

  it('shows an edit\'s diff once: in its edit card, not again in the approval card', async () => {
    const log = createEventLog();
    log.status('running');
    const edit = { toolCallId: 'e1', kind: 'edit', title: 'Edit notes.md', content: [{ type: 'diff', path: 'notes.md', oldText: 'a\n', newText: 'a\nb\n' }] } as Parameters<typeof log.permission>[1];
    log.toolCall('e1', { ...edit, status: 'pending' });
    log.permission('p1', edit, CODEX_COMMAND_OPTIONS);
    const { container } = renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, createTestRuntime({ events: log.events }));
    const card = screen.getByRole('region', { name: 'Permission request: Edit notes.md' });
    expect(card.querySelector('.d2h-file-wrapper')).toBeNull();
    expect(card).toHaveTextContent('The change to notes.md is shown in the edit card above.');
    expect(within(card).getAllByRole('button', { name: /Yes, proceed|No, and tell/ })).toHaveLength(2);
    await waitFor(() => expect(container.querySelectorAll('.d2h-file-wrapper')).toHaveLength(1));
  });

  it('says "You approved" for a decision this account made, and the account id for anyone else', () => {
    const log = createEventLog();
    log.status('running');
    const request = { toolCallId: 'c1', title: 'ls', rawInput: { command: 'ls' } };
    log.permission('p1', request, CODEX_COMMAND_OPTIONS);
    log.permission('p1', request, CODEX_COMMAND_OPTIONS, { state: 'selected', optionId: 'allow_once', decidedBy: 'me', decidedAt: '2026-01-01T12:10:00.000Z' });
    log.permission('p2', { ...request, toolCallId: 'c2' }, CODEX_COMMAND_OPTIONS);
    log.permission('p2', { ...request, toolCallId: 'c2' }, CODEX_COMMAND_OPTIONS, { state: 'selected', optionId: 'allow_once', decidedBy: 'bob', decidedAt: '2026-01-01T12:11:00.000Z' });
    renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, createTestRuntime({ events: log.events, seed: { accountId: 'me' } }));
    const [mine, theirs] = screen.getAllByRole('region', { name: 'Permission request: ls' });
    expect(within(mine).getByRole('status')).toHaveTextContent(/^You approved “Yes, proceed” at/);
    expect(within(theirs).getByRole('status')).toHaveTextContent(/^bob approved “Yes, proceed” at/);
  });

  it.each([
    ['timed-out', 'Timed out at', 'nobody answered, so “No, and tell Codex what to do differently” was selected.'],
    ['cancelled', 'Cancelled at', 'the turn ended before anyone decided.'],
  ])('shows the %s state without buttons', (state, prefix, rest) => {
    const log = createEventLog();
    log.status('running');
    log.permission('p1', { toolCallId: 'c1', title: 'rm -rf build', rawInput: { command: 'rm -rf build' } }, CODEX_COMMAND_OPTIONS);
    log.permission('p1', { toolCallId: 'c1', title: 'rm -rf build', rawInput: { command: 'rm -rf build' } }, CODEX_COMMAND_OPTIONS, {
      state,
      optionId: state === 'timed-out' ? 'cancel' : undefined,
      decidedAt: '2026-01-01T12:10:00.000Z',
    });
    const stores = createTestRuntime({ events: log.events });
    renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, stores);
    const card = screen.getByRole('region', { name: /^Permission request/ });
    expect(within(card).getByRole('status')).toHaveTextContent(prefix);
    expect(within(card).getByRole('status')).toHaveTextContent(rest);
    expect(within(card).queryByRole('group', { name: 'Approval options' })).not.toBeInTheDocument();
  });
});
