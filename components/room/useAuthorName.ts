import { useCallback } from 'react';
import { useStore } from 'zustand';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';
import { usePeopleNames } from '../../stores/people/index.js';
import { useCodexStores } from '../../stores/provider.js';
import { useChat } from '../../stores/room/index.js';

// Account ids the hub makes are UUIDs: never show one as a name.
const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Display names: this account's name (the OS user's in lite mode, editable) marked "(you)", or
 * "You" before the hub said it; an agent's label for agent ids; another account's name from the
 * people store (asked of the hub on first sight); until then a short "User 3f2a9c" for a generated
 * id, any other sender id as it is (a name-like id).
 */
export function useAuthorName(): (senderId: string) => string {
  const accountId = useChat((state) => state.accountId);
  const { session } = useCodexStores();
  const accountName = useStore(session, (state) => state.accountName);
  const { agents } = useSessionInfo();
  const { names, request } = usePeopleNames();
  return useCallback(
    (senderId: string) => {
      if (senderId === accountId) return accountName ? `${accountName} (you)` : 'You';
      const agent = agents?.find((candidate) => candidate.id === senderId);
      if (agent) return agent.label;
      const known = names[senderId];
      if (known) return known;
      // An agent id seen before agents.list answered is asked too; the hub leaves unknown ids out.
      request([senderId]);
      return GENERATED_ID.test(senderId) ? `User ${senderId.slice(0, 6)}` : senderId;
    },
    [accountId, accountName, agents, names, request],
  );
}
