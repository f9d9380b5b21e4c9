import { describe, expect, it, vi } from 'vitest';
import userEvent from '@testing-library/user-event';
import { screen, within } from '@testing-library/react';
import { createEventLog } from '../../fixtures/build.js';
import type { ChatMessage } from '../../stores/chat/index.js';
import { createTestRuntime, renderWithRuntime } from '../turn/testing/render-with-runtime.js';
import { MessageRow } from './MessageRow.js';

const agentRow: ChatMessage = {
  key: '1767268800500',
  threadKey: '1767268800000',
  event: 'chat',
  date: '2026-01-01T12:00:00.500Z',
  sender_id: 'codex',
  reply_to: '2026-01-01T12:00:00.000Z',
  history: [{ author_id: 'codex', content: 'Hello!', date: '2026-01-01T12:00:00.500Z' }],
  acp_config: { agent: 'codex', model: 'gpt-5.5' },
  acp_turn: { id: 't1', state: 'completed' },
} as ChatMessage;

describe('MessageRow (agent row)', () => {
  it('names the agent and its model once each in the row header', () => {
    const log = createEventLog();
    log.status('running');
    log.agentMessage('Hello!');
    log.status('completed');
    renderWithRuntime(
      <MessageRow message={agentRow} accountId="me" authorName={() => 'Codex'} onEdit={() => {}} onFeedback={() => {}} />,
      createTestRuntime({ events: log.events }),
    );
    const row = screen.getByRole('article', { name: 'Message from Codex' });
    expect(within(row).getAllByText('Codex')).toHaveLength(1);
    const turnHeader = row.querySelector('.cc-turn-header') as HTMLElement;
    expect(within(turnHeader).getAllByText('gpt-5.5')).toHaveLength(1);
    expect(within(turnHeader).queryByText('Codex')).toBeNull();
  });
});

describe('MessageRow (feedback buttons)', () => {
  const userRow = { ...agentRow, key: '1767268800900', sender_id: 'bob', acp_config: undefined, acp_turn: undefined, history: [{ author_id: 'bob', content: 'Useful?', date: agentRow.date }], feedback: { me: 'positive', ann: 'positive', cy: 'negative' } } as ChatMessage;

  it('shows everyone\'s counts and this account\'s reaction pressed; a click or Enter toggles it', async () => {
    const user = userEvent.setup();
    const onFeedback = vi.fn();
    renderWithRuntime(<MessageRow message={userRow} accountId="me" authorName={() => 'Bob'} onEdit={() => {}} onFeedback={onFeedback} />, createTestRuntime({ events: [] }));
    const helpful = screen.getByRole('button', { name: 'Helpful' });
    const notHelpful = screen.getByRole('button', { name: 'Not helpful' });
    expect(helpful).toHaveAttribute('aria-pressed', 'true');
    expect(helpful).toHaveTextContent('2');
    expect(notHelpful).toHaveAttribute('aria-pressed', 'false');
    expect(notHelpful).toHaveTextContent('1');
    await user.click(helpful);
    expect(onFeedback).toHaveBeenLastCalledWith(userRow.key, null);
    notHelpful.focus();
    await user.keyboard('{Enter}');
    expect(onFeedback).toHaveBeenLastCalledWith(userRow.key, 'negative');
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});

describe('MessageRow (your own)', () => {
  it("sits on the theme's own-message band (a CSS variable each theme sets, so dark has its own)", () => {
    const own = { ...agentRow, key: '1767268800700', sender_id: 'me', acp_config: undefined, acp_turn: undefined, history: [{ author_id: 'me', content: 'Mine', date: agentRow.date }] } as ChatMessage;
    renderWithRuntime(<MessageRow message={own} accountId="me" authorName={() => 'Me'} onEdit={() => {}} onFeedback={() => {}} />, createTestRuntime({}));
    expect(screen.getByRole('article', { name: 'Message from Me' }).style.background).toContain('var(--cc-own-message-background');
  });
});
