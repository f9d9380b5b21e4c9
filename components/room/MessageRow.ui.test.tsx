import { describe, expect, it } from 'vitest';
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
