import { useCallback } from 'react';
import { useStore } from 'zustand';
import { approvalKey } from '../turns/index.js';
import type { ApprovalRequest } from '../turns/index.js';
import { useCodexStores } from '../provider.js';

/** Answering a permission request: `respond(optionId)`, this client's request, and whether to disable. */
export function useApprovalActions(turnId: string, requestId: string) {
  const { turns } = useCodexStores();
  const request: ApprovalRequest | undefined = useStore(turns, (state) => state.approvals[approvalKey(turnId, requestId)]);
  const respond = useCallback(
    (optionId: string) => turns.getState().respondToApproval(turnId, requestId, optionId),
    [turns, turnId, requestId],
  );
  const busy = request !== undefined && request.state !== 'failed';
  return { respond, request, busy };
}
