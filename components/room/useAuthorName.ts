import { useCallback } from 'react';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';
import { useChat } from '../../stores/room/index.js';

/** Display names: "You" for this account, an agent's label for agent ids, else the sender id. */
export function useAuthorName(): (senderId: string) => string {
  const accountId = useChat((state) => state.accountId);
  const { agents } = useSessionInfo();
  return useCallback(
    (senderId: string) => {
      if (senderId === accountId) return 'You';
      const agent = agents?.find((candidate) => candidate.id === senderId);
      return agent ? agent.label : senderId;
    },
    [accountId, agents],
  );
}
