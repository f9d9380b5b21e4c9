import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import { usePeopleNames } from '../../stores/people/index.js';
import { useCodexRuntime } from '../../stores/provider.js';

/**
 * Names for the "who" column: "You" for this account, else the display name from the people store
 * (asked of the hub for the ids shown), until then a short "User 3f2a9c"; null (the hub itself) "Hub".
 */
export function useAuditWhoName(accountIds: readonly (string | null)[]): (accountId: string | null) => string {
  const { session, accountId: runtimeAccount } = useCodexRuntime();
  const hubAccount = useStore(session, (state) => state.accountId);
  const { names, request } = usePeopleNames();
  const key = accountIds.join('\n');
  useEffect(() => {
    request(accountIds.filter((id): id is string => id !== null));
    // The ids are compared by their text (a new array of the same ids asks nothing).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, request]);
  return useCallback(
    (accountId: string | null) => {
      if (accountId === null) return 'Hub';
      if (accountId === hubAccount || accountId === runtimeAccount) return 'You';
      return names[accountId] ?? `User ${accountId.slice(0, 6)}`;
    },
    [hubAccount, runtimeAccount, names],
  );
}
