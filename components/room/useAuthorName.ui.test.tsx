import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { CodexProvider } from '../../stores/provider.js';
import { ACCOUNT, setupRoom } from '../../stores/room/testing/render-room.js';
import { useAuthorName } from './useAuthorName.js';

describe('useAuthorName', () => {
  it('names this account by its hub name, agents by label, and never shows a generated id', async () => {
    const { runtime, fake } = await setupRoom({ handlers: { 'account.setName': ({ name }) => ({ accountName: name.trim() }) } });
    const wrapper = ({ children }: { children: ReactNode }) => <CodexProvider runtime={runtime}>{children}</CodexProvider>;
    const { result } = renderHook(() => useAuthorName(), { wrapper });
    expect(result.current(ACCOUNT)).toBe('You'); // before the hub told the name
    await act(() => runtime.session.getState().saveAccountName('Ada Lovelace'));
    expect(fake.callsOf('account.setName')).toEqual([{ name: 'Ada Lovelace' }]);
    expect(result.current(ACCOUNT)).toBe('Ada Lovelace (you)');
    expect(result.current('demo')).not.toBe('demo');
    expect(result.current('3f2a9c1e-0000-4000-8000-123456789abc')).toBe('User 3f2a9c');
    expect(result.current('bob')).toBe('bob');
  });
});
