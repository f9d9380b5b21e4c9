import type { AcpUsage } from '../../../src/protocol/index.js';
import { getFromBuckets } from '../buckets.js';
import type { ChatState } from '../chat-types.js';

/**
 * The agent usage (`acp_usage`) of a thread's newest message that has one: what the context meter
 * shows. Walks back from the newest message, so it usually stops at the first step; the object
 * returned is the one in the state, so it is stable while that message is unchanged.
 */
export function selectLatestUsage(state: ChatState, threadKey: string): AcpUsage | undefined {
  const keys = getFromBuckets(state.threadMessageKeys, threadKey);
  if (!keys) return undefined;
  for (let position = keys.length - 1; position >= 0; position -= 1) {
    const usage = getFromBuckets(state.messages, keys[position])?.acp_usage;
    if (usage) return usage;
  }
  return undefined;
}

/**
 * The usage of the message before the one `selectLatestUsage` finds: the context after the turn
 * before, from which the meter shows what the latest turn added. Stable like selectLatestUsage.
 */
export function selectPreviousUsage(state: ChatState, threadKey: string): AcpUsage | undefined {
  const keys = getFromBuckets(state.threadMessageKeys, threadKey);
  if (!keys) return undefined;
  let skippedLatest = false;
  for (let position = keys.length - 1; position >= 0; position -= 1) {
    const usage = getFromBuckets(state.messages, keys[position])?.acp_usage;
    if (!usage) continue;
    if (skippedLatest) return usage;
    skippedLatest = true;
  }
  return undefined;
}
