import { useCallback } from 'react';
import { useStore } from 'zustand';
import { useCodexStores } from '../../stores/provider.js';
import { useAuthorName } from '../room/useAuthorName.js';

/** The name a review line shows for an account: "You" for this one, else its display name. */
export function useReviewerName(): (accountId: string) => string {
  const { session } = useCodexStores();
  const self = useStore(session, (state) => state.accountId);
  const authorName = useAuthorName();
  return useCallback((accountId: string) => (accountId === self ? 'You' : authorName(accountId)), [self, authorName]);
}
