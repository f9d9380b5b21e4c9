import { useCallback } from 'react';
import { useStore } from 'zustand';
import { useCodexRuntime } from '../../stores/provider.js';
import { useAuthorName } from '../room/useAuthorName.js';

/** The name a review line shows for an account: "You" for this one (hub or runtime id), else its display name. */
export function useReviewerName(): (accountId: string) => string {
  const { session, accountId: runtimeAccount } = useCodexRuntime();
  const hubAccount = useStore(session, (state) => state.accountId);
  const authorName = useAuthorName();
  return useCallback((accountId: string) => (accountId === hubAccount || accountId === runtimeAccount ? 'You' : authorName(accountId)), [hubAccount, runtimeAccount, authorName]);
}
