import { useCallback } from 'react';
import { useStore } from 'zustand';
import { useCodexRuntime } from '../../stores/provider.js';
import { useAuthorName } from '../room/useAuthorName.js';

/**
 * The name a "who" line starts with ("Ann approved", "Bo interrupted"): "You" for this account (the
 * hub's id or the runtime's), else the account's display name.
 */
export function useWhoName(): (accountId: string) => string {
  const { session, accountId: runtimeAccount } = useCodexRuntime();
  const hubAccount = useStore(session, (state) => state.accountId);
  const authorName = useAuthorName();
  return useCallback((accountId: string) => (accountId === hubAccount || accountId === runtimeAccount ? 'You' : authorName(accountId)), [hubAccount, runtimeAccount, authorName]);
}
