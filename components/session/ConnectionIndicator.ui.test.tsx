import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { createTestStores, renderWithStores } from '../turn/testing/render-with-stores.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';

describe('ConnectionIndicator', () => {
  it('follows the api connection state', () => {
    const fake = createFakeAcpApi({ 'agents.list': () => ({ agents: [] }) });
    renderWithStores(<ConnectionIndicator />, createTestStores({ api: fake.api }));
    expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent('Connected');
    act(() => fake.setConnection({ type: 'reconnecting', attempt: 2, error: 'socket closed' }));
    expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent('Reconnecting… (attempt 2)');
    act(() => fake.setConnection({ type: 'closed', reason: 'hub stopped' }));
    expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent('Disconnected: hub stopped');
  });
});
